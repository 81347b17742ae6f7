package com.publisherdesk.contracts;

/**
 * An administrator added or removed a co-administrator of the publisher's account; the change was applied when it
 * was filed.
 *
 * @param action {@code added} or {@code removed}
 * @param email  the co-administrator added or removed, lower case
 */
public record AdminChangeDetails(String action, String email) {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
}
