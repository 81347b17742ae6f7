package com.publisherdesk.contracts;

/**
 * A publisher authorized the desk to issue the credit of one of its requests to the customer on its behalf.
 *
 * @param requestId     the credit request
 * @param publisherId   the publisher that authorized it
 * @param authorization who authorized it, how and when
 */
public record CreditAuthorized(String requestId, String publisherId, CreditAuthorization authorization) {
}
