package com.publisherdesk.notification.mail;

import java.time.Instant;
import java.util.List;

import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.NotifiedRequest;

/** What the rest of the desk learns from the sender, told inside the transaction that records it. */
public interface EmailEvents {

    /**
     * The mail server accepted an email at {@code sentAt}, addressed to {@code recipients}; {@code about} is the
     * request it is about, as it was claimed (for a notice about a webhook, the publisher's latest request, or null).
     */
    void sent(Email email, NotifiedRequest about, List<String> recipients, Instant sentAt);

    /** The mail server refused an email about a request for good (a 5xx reply). */
    void refused(Email email, String error, Instant at);
}
