package com.publisherdesk.notification.mail;

import java.time.Instant;
import java.util.List;

import com.publisherdesk.notification.Email;

/** What the rest of the desk learns from the sender, told inside the transaction that records it. */
public interface EmailEvents {

    /** The mail server accepted an email at {@code sentAt}, addressed to {@code recipients}. */
    void sent(Email email, List<String> recipients, Instant sentAt);

    /** The mail server refused an email about a request for good (a 5xx reply). */
    void refused(Email email, String error, Instant at);
}
