package com.publisherdesk.notification.mail;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How the desk sends its emails. */
@ConfigMapping(prefix = "desk.mail")
public interface MailConfig {

    /** Where replies to the desk's emails go. */
    String replyTo();

    /**
     * The public address publishers call the desk's API at ({@code PUBLIC_API_URL}), quoted in emails that ask them to
     * act; when it is not configured, those emails give the method and path of the call without an address, never an
     * internal one.
     */
    Optional<String> apiUrl();

    /** How many due emails a sender claims, composes and sends side by side at once. */
    int batchSize();

    /** How many senders work side by side in one instance, each on a batch of its own. */
    int senders();

    /** The longest pause between two attempts at an email. */
    Duration maxBackoff();

    /** How long a sender may hold an email before another sender takes it over (the first is presumed dead). */
    Duration claimTimeout();

    /**
     * How long the sender may go without finishing a pass, while emails are due, before the service reports itself
     * not ready (wedged); longer than a pass may take (a batch waits up to the mailer's timeout for the server).
     */
    Duration unreadyAfter();

    /** The sent-mail journal. */
    Journal journal();

    /** Fault injection for crash tests. */
    FaultInjection faultInjection();

    /** A mailbox that receives a copy of every email, read over IMAP. */
    interface Journal {

        /** The journal's address; no journal when empty. */
        Optional<String> address();

        /** The IMAP server holding the journal. */
        Optional<String> imapHost();

        /** Its IMAP port. */
        int imapPort();

        /** The journal's IMAP password (the address itself when empty, as on the development mail server). */
        Optional<String> password();
    }

    /** Deliberate pauses that let tests crash the service at a precise point. */
    interface FaultInjection {

        /** A pause after the mail server accepted an email and before it is recorded as sent. */
        Duration pauseAfterSend();
    }
}
