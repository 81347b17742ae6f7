package com.publisherdesk.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (with IMAP for mail clients) that keeps every email it receives, and an HTTP mailbox view. */
public final class EmbeddedMail {

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

    /** Every email received so far, oldest first, including those from before an SMTP restart. */
    public synchronized java.util.List<MimeMessage> receivedMessages() {
        java.util.List<MimeMessage> all = new java.util.ArrayList<>(http.kept());
        if (greenMail != null) {
            all.addAll(java.util.List.of(greenMail.getReceivedMessages()));
        }
        return all;
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
