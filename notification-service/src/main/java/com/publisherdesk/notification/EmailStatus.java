package com.publisherdesk.notification;

/** Where an owed email stands. */
public enum EmailStatus {
    /** Recorded, waiting for its (next) attempt. */
    PENDING,
    /** Claimed by a sender; if the sender dies, the claim expires and the email is sent again, same Message-ID. */
    SENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Refused for good by the mail server (a bad address, say); not retried. */
    FAILED
}
