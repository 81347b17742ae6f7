package com.publisherdesk.contracts;

/**
 * One field of a publisher's profile before and after a change.
 *
 * @param field    {@code companyName}, {@code contactName}, {@code contactEmail}, {@code phone},
 *                 {@code postalAddress}, {@code language} or {@code creditConsent}
 * @param oldValue the value before, as text (the postal address on one line; the consent {@code given} or
 *                 {@code not-given}); absent when it was empty
 * @param newValue the value after, as text; absent when it was emptied
 */
public record FieldChange(String field, String oldValue, String newValue) {

    /** The standing consent to issue credits on the publisher's behalf, as a profile field. */
    public static final String CREDIT_CONSENT = "creditConsent";

    /** The consent is on record. */
    public static final String GIVEN = "given";

    /** The consent is not on record. */
    public static final String NOT_GIVEN = "not-given";
}
