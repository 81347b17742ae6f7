package com.publisherdesk.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (with IMAP for mail clients) that keeps every email it receives, and an HTTP mailbox view. */
public final class EmbeddedMail {

    /** The desk's sent-mail journal: every email is copied there, so a sender can tell what the server accepted. */
    public static final String JOURNAL_ADDRESS = "journal@publisherdesk.example";

    private final int smtpPort;
    private final int imapPort;
    private final MailboxHttp http;
    private GreenMail greenMail;

    /**
     * Describes the mail servers without starting them; 0 picks a free port, kept across restarts.
     *
     * @param smtpPort the SMTP port
     * @param imapPort the IMAP port
     * @param httpPort the HTTP mailbox port
     */
    public EmbeddedMail(int smtpPort, int imapPort, int httpPort) {
        this.smtpPort = Ports.orFree(smtpPort);
        this.imapPort = Ports.orFree(imapPort);
        this.http = new MailboxHttp(Ports.orFree(httpPort), this);
    }

    /** Starts SMTP, IMAP and the HTTP mailbox. */
    public synchronized EmbeddedMail start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
            greenMail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withDisabledAuthentication());
            greenMail.start();
        }
        http.start();
        return this;
    }

    /** Stops the SMTP and IMAP servers, as an outage would; the HTTP mailbox keeps answering. */
    public synchronized void stopSmtp() {
        if (greenMail != null) {
            http.keep(receivedMessages());
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Stops everything. */
    public synchronized void stop() {
        stopSmtp();
        http.stop();
    }

    public synchronized boolean isSmtpRunning() {
        return greenMail != null;
    }

    /**
     * Every copy received so far (one per recipient), oldest first, including those from before an SMTP restart;
     * the copies in the desk's sent-mail journal are left out, as they are not emails to anyone.
     */
    public synchronized java.util.List<MimeMessage> receivedMessages() {
        java.util.List<MimeMessage> all = new java.util.ArrayList<>(http.kept());
        if (greenMail != null) {
            all.addAll(recipientCopies());
        }
        all.sort(java.util.Comparator.comparing(EmbeddedMail::receivedAt));
        return all;
    }

    private java.util.List<MimeMessage> recipientCopies() {
        java.util.List<MimeMessage> copies = new java.util.ArrayList<>();
        try {
            for (com.icegreen.greenmail.user.GreenMailUser user : greenMail.getUserManager().listUser()) {
                if (!JOURNAL_ADDRESS.equalsIgnoreCase(user.getEmail())) {
                    greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()
                            .forEach(stored -> copies.add(stored.getMimeMessage()));
                }
            }
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
        return copies;
    }

    private static java.util.Date receivedAt(MimeMessage message) {
        try {
            return message.getReceivedDate() == null ? new java.util.Date(0) : message.getReceivedDate();
        } catch (jakarta.mail.MessagingException e) {
            return new java.util.Date(0);
        }
    }

    /** Forgets every email received so far. */
    public synchronized void purge() {
        http.keep(java.util.List.of());
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int httpPort() {
        return http.port();
    }

    public String mailboxUrl() {
        return "http://127.0.0.1:" + http.port();
    }
}
