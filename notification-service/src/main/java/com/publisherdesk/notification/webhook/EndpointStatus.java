package com.publisherdesk.notification.webhook;

/** Whether a webhook endpoint is sent events. */
public enum EndpointStatus {
    /** Events of the publisher's requests are recorded for it and delivered. */
    ACTIVE,
    /** A delivery failed for the whole retry window: nothing is recorded or sent until an administrator enables it. */
    DISABLED
}
