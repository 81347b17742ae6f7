package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * The subscription belongs to the named customer and to one of the publisher's offers.
 *
 * @param requestId      the request checked
 * @param publisherId    the publisher that asked
 * @param subscriptionId the subscription checked
 * @param checkedAt      when the check was made
 * @param requestType    the type of the request checked ({@code credit} or {@code subscription-validation})
 */
public record SubscriptionConfirmed(String requestId, String publisherId, String subscriptionId, Instant checkedAt,
        String requestType) {
}
