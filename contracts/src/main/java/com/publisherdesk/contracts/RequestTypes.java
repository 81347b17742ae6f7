package com.publisherdesk.contracts;

import java.util.List;

/** The kinds of request a publisher can file, as they travel on the wire. */
public final class RequestTypes {

    public static final String CREDIT = "credit";
    public static final String SUBSCRIPTION_VALIDATION = "subscription-validation";
    public static final String SUPPORT = "support";
    public static final String PROFILE_CHANGE = "profile-change";
    public static final String ADMIN_CHANGE = "admin-change";

    public static final List<String> ALL = List.of(CREDIT, SUBSCRIPTION_VALIDATION, SUPPORT, PROFILE_CHANGE,
            ADMIN_CHANGE);

    private RequestTypes() {
    }
}
