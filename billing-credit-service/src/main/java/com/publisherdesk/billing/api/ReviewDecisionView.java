package com.publisherdesk.billing.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A support agent's decision as recorded.
 *
 * @param requestId        the request decided
 * @param outcome          {@code approved} or {@code denied}
 * @param status           where the request stands now: {@code approved}, {@code awaiting-authorization} (the
 *                         credit note waits for the publisher's authorization) or {@code denied}
 * @param reviewer         the agent (an email address)
 * @param note             the agent's reasons
 * @param reviewedAt       when the agent decided
 * @param creditNoteNumber the credit note issued, if one was
 */
public record ReviewDecisionView(UUID requestId, String outcome, String status, String reviewer, String note,
        Instant reviewedAt, String creditNoteNumber) {
}
