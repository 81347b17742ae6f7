package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * The subscription could not be confirmed; the reason is for the desk's audit and is never shown to publishers.
 *
 * @param requestId      the request checked
 * @param publisherId    the publisher that asked
 * @param subscriptionId the subscription checked
 * @param reasonCode     why, for the desk's own audit ({@code unknown-subscription}, {@code other-publisher},
 *                       {@code customer-mismatch}, {@code address-mismatch})
 * @param checkedAt      when the check was made
 * @param requestType    the type of the request checked ({@code credit} or {@code subscription-validation})
 */
public record SubscriptionNotConfirmed(String requestId, String publisherId, String subscriptionId, String reasonCode,
        Instant checkedAt, String requestType) {
}
