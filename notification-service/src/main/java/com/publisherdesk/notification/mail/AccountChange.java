package com.publisherdesk.notification.mail;

import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.contracts.ProfileChangeDetails;

/**
 * What the email about a change to a publisher's account tells, kept with the request it is about.
 *
 * @param changedBy the administrator who made the change
 * @param profile   the fields changed, for a profile change
 * @param admin     the co-administrator added or removed, for an admin change
 */
public record AccountChange(String changedBy, ProfileChangeDetails profile, AdminChangeDetails admin) {
}
