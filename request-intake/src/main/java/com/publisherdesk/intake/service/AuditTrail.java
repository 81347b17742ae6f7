package com.publisherdesk.intake.service;

import java.util.List;

import com.publisherdesk.intake.AuditEntry;
import com.publisherdesk.kit.input.PageCursor;
import com.publisherdesk.kit.input.Paged;

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
    public Paged<AuditEntry> list(String publisherId, int limit, String cursor) {
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<AuditEntry> rows = AuditEntry.page(publisherId, after == null ? null : after.at(),
                after == null ? null : after.longKey(), limit + 1);
        return Paged.of(rows, limit, last -> PageCursor.of(last.at, last.id));
    }
}
