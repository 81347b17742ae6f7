package com.publisherdesk.billing.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.publisherdesk.billing.CreditNote;
import com.publisherdesk.billing.CreditRequest;
import com.publisherdesk.billing.CreditReview;

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

    /** The decision {@code review} recorded on {@code request}, and the credit note it issued, if it did. */
    public static ReviewDecisionView of(CreditRequest request, CreditReview review, Optional<CreditNote> creditNote) {
        return new ReviewDecisionView(request.requestId, review.outcome,
                request.status.name().toLowerCase().replace('_', '-'), review.reviewer, review.note, review.reviewedAt,
                creditNote.map(note -> note.number).orElse(null));
    }
}
