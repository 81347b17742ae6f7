package com.publisherdesk.contracts;

import java.time.Instant;

/**
 * A support agent's decision on a credit request that the policy sent to manual review.
 *
 * @param reviewer   the agent's email address
 * @param outcome    {@link #APPROVED} or {@link #DENIED}
 * @param note       the agent's reasons, in the agent's own words (at most 2000 characters)
 * @param reviewedAt when the agent decided
 */
public record AgentReview(String reviewer, String outcome, String note, Instant reviewedAt) {

    /** The agent approved the credit. */
    public static final String APPROVED = "approved";
    /** The agent denied the credit. */
    public static final String DENIED = "denied";
}
