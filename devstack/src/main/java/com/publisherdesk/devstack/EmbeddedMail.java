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
    private Servers greenMail;
    private boolean smtpRunning;

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

    /** Starts SMTP, IMAP and the HTTP mailbox; after {@link #stopSmtp()}, starts SMTP again. */
    public synchronized EmbeddedMail start() {
        if (greenMail == null) {
            greenMail = new Servers(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
            greenMail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withDisabledAuthentication());
            greenMail.start();
        } else if (!smtpRunning) {
            greenMail.startSmtp();
        }
        smtpRunning = true;
        http.start();
        return this;
    }

    /**
     * Stops the SMTP server, as an outage would, cutting the connections open to it; its mailboxes are kept (IMAP and
     * the HTTP mailbox keep answering), as a real server's would be. {@link #startSmtp()} brings it back.
     */
    public synchronized void stopSmtp() {
        if (greenMail != null && smtpRunning) {
            greenMail.getSmtp().stopService();
            smtpRunning = false;
        }
    }

    /** Starts the SMTP server again after {@link #stopSmtp()}. */
    public synchronized void startSmtp() {
        start();
    }

    /** Stops everything. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
        smtpRunning = false;
        http.stop();
    }

    public synchronized boolean isSmtpRunning() {
        return smtpRunning;
    }

    /**
     * Every copy received so far (one per recipient), oldest first; the copies in the desk's sent-mail journal are
     * left out, as they are not emails to anyone.
     */
    public synchronized java.util.List<MimeMessage> receivedMessages() {
        java.util.List<MimeMessage> all = new java.util.ArrayList<>();
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

    /** GreenMail's servers, whose SMTP server can be stopped and started again over the same mailboxes. */
    private static final class Servers extends GreenMail {

        Servers(ServerSetup[] setups) {
            super(setups);
        }

        synchronized void startSmtp() {
            com.icegreen.greenmail.smtp.SmtpServer smtp = new com.icegreen.greenmail.smtp.SmtpServer(
                    getSmtp().getServerSetup(), getManagers());
            services.put(ServerSetup.PROTOCOL_SMTP, smtp);
            smtp.startService();
            try {
                if (!smtp.waitTillRunning(smtp.getServerSetup().getServerStartupTimeout())) {
                    throw new IllegalStateException("The SMTP server did not start again on " + smtp.getPort());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
