package com.publisherdesk.intake.api;

import java.time.Instant;
import java.util.UUID;

import com.publisherdesk.intake.AuditEntry;

/**
 * One change to a publisher's account.
 *
 * @param at        when it was made
 * @param actor     who made it (the administrator's email)
 * @param what      the profile field changed, or {@code administrator} for an administrator added or removed
 * @param oldValue  the value before, absent when empty (an administrator removed is the old value)
 * @param newValue  the value after, absent when emptied (an administrator added is the new value)
 * @param requestId the desk request the change was filed as
 * @param warning   why the change deserves a second look (an administrator added who already administers another
 *                  publisher's account), absent otherwise
 */
public record AuditEntryView(Instant at, String actor, String what, String oldValue, String newValue,
        UUID requestId, String warning) {

    public static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.at, entry.actorEmail, entry.what, entry.oldValue, entry.newValue,
                entry.requestId, entry.warning);
    }
}
