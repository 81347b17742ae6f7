package com.publisherdesk.notification.mail;

import java.util.List;
import java.util.Properties;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.MessageIDTerm;

/**
 * The desk's sent-mail journal: every email is copied (Bcc) to a journal mailbox in the same SMTP transaction as its
 * recipients. When a sender died between the server's acceptance and the record of it, the journal tells whether the
 * email went out, so it is not sent twice.
 */
@ApplicationScoped
public class SentJournal {

    private static final Logger LOG = Logger.getLogger(SentJournal.class);

    private final MailConfig.Journal config;

    public SentJournal(MailConfig config) {
        this.config = config.journal();
    }

    /** The Bcc that puts a copy of an email in the journal; none when no journal is configured. */
    public List<String> bcc() {
        return config.address().filter(address -> !address.isBlank()).map(List::of).orElse(List.of());
    }

    /**
     * Whether the journal holds an email with this Message-ID. Without a journal, or when it cannot be read, the
     * answer is no: the email is sent again, under the same Message-ID.
     */
    public boolean holds(String messageId) {
        if (bcc().isEmpty() || config.imapHost().filter(host -> !host.isBlank()).isEmpty()) {
            return false;
        }
        String address = config.address().orElseThrow();
        Properties settings = new Properties();
        settings.put("mail.imap.connectiontimeout", "5000");
        settings.put("mail.imap.timeout", "5000");
        try (Store store = Session.getInstance(settings).getStore("imap")) {
            store.connect(config.imapHost().get(), config.imapPort(), address, config.password().orElse(address));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.search(new MessageIDTerm(messageId)).length > 0;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            LOG.warnf("The sent-mail journal cannot be read (%s); %s will be sent again", e.getMessage(), messageId);
            return false;
        }
    }
}
