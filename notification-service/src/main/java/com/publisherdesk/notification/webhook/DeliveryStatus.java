package com.publisherdesk.notification.webhook;

/** Where one delivery of an event to one endpoint stands. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, and for the request's earlier deliveries to this endpoint. */
    PENDING,
    /** Claimed by a sender; if the sender dies, the claim expires and the delivery is sent again. */
    SENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Still failing when its retry window closed; the endpoint was disabled. Sent again only when redelivered. */
    FAILED
}
