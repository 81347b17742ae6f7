package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * The publisher's authorization to issue a credit to its customer on its behalf.
 *
 * @param kind     {@code standing-consent} (given once in the publisher's profile) or {@code request} (given for
 *                 this request through the API)
 * @param givenBy  who gave it (an administrator's email)
 * @param givenAt  when it was given
 */
public record CreditAuthorization(String kind, String givenBy, Instant givenAt) {

    /** Given once for every credit request of the publisher. */
    public static final String STANDING_CONSENT = "standing-consent";

    /** Given for one request. */
    public static final String REQUEST = "request";
}
