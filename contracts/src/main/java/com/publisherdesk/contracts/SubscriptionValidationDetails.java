package com.publisherdesk.contracts;

/**
 * What a publisher asked to check: does this subscription, with this billing address, belong to a known customer?
 *
 * @param subscriptionId the subscription
 * @param billingAddress the billing address the person gave
 */
public record SubscriptionValidationDetails(String subscriptionId, BillingAddress billingAddress) {
}
