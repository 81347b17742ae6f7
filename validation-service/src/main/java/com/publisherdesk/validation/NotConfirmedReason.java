package com.publisherdesk.validation;

/** Why a subscription was not confirmed; kept for the desk's audit and never shown to publishers. */
public enum NotConfirmedReason {

    UNKNOWN_SUBSCRIPTION("unknown-subscription"),
    OTHER_PUBLISHER("other-publisher"),
    CUSTOMER_MISMATCH("customer-mismatch"),
    ADDRESS_MISMATCH("address-mismatch");

    private final String code;

    NotConfirmedReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
