package com.publisherdesk.intake.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.publisherdesk.intake.AuditEntry;
import com.publisherdesk.intake.rest.AuditEntryView;
import com.publisherdesk.intake.rest.AuditPage;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Lists a publisher's audit trail, newest first, a page at a time with an opaque cursor. */
@ApplicationScoped
@Transactional
public class AuditTrail {

    /**
     * One page of the trail.
     *
     * @param limit  the page size
     * @param cursor where the previous page ended, or null for the first page
     */
    public AuditPage list(String publisherId, int limit, String cursor) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        List<AuditEntry> rows = AuditEntry.page(publisherId, after == null ? null : after.at(),
                after == null ? null : after.id(), limit + 1);
        List<AuditEntryView> items = rows.stream().limit(limit).map(AuditEntryView::of).toList();
        AuditEntry last = rows.size() > limit ? rows.get(limit - 1) : null;
        return new AuditPage(items, last == null ? null : new Cursor(last.at, last.id).encode());
    }

    private record Cursor(Instant at, long id) {

        String encode() {
            String raw = at + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new ProblemException(400, "invalid-request", "The request is not valid",
                        "Query parameter cursor is not a cursor this API gave.");
            }
        }
    }
}
