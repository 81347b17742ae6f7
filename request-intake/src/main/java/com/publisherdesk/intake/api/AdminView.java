package com.publisherdesk.intake.api;

import java.time.Instant;

import com.publisherdesk.intake.PublisherAdmin;

/**
 * An administrator of a publisher account.
 *
 * @param email   their email address
 * @param addedAt since when they administer it
 */
public record AdminView(String email, Instant addedAt) {

    public static AdminView of(PublisherAdmin admin) {
        return new AdminView(admin.email, admin.addedAt);
    }
}
