package com.publisherdesk.billing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.publisherdesk.billing.CreditRequest;

/**
 * A credit request waiting in the review queue.
 *
 * @param requestId      the request
 * @param publisherId    the publisher that filed it
 * @param subscriptionId the customer's subscription
 * @param customerName   the customer as the publisher names it
 * @param amount         the amount asked for
 * @param currency       ISO 4217 code
 * @param creditPeriod   the period the credit is for
 * @param reason         the reason given
 * @param inReviewSince  when the policy sent it to review
 * @param ruleId         the rule that sent it to review
 */
public record ReviewItem(UUID requestId, String publisherId, String subscriptionId, String customerName,
        BigDecimal amount, String currency, Period creditPeriod, Reason reason, Instant inReviewSince,
        String ruleId) {

    /** The queue's view of {@code request}, sent to review by {@code ruleId}. */
    public static ReviewItem of(CreditRequest request, String ruleId) {
        return new ReviewItem(request.requestId, request.publisherId, request.subscriptionId, request.customerName,
                request.amount, request.currency, new Period(request.periodFrom, request.periodTo),
                new Reason(request.reasonCode, request.reasonDescription), request.inReviewSince, ruleId);
    }

    /**
     * A period of days.
     *
     * @param from the first day
     * @param to   the last day
     */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * Why the publisher asked.
     *
     * @param code        a code from the published list of reasons
     * @param description the publisher's own words
     */
    public record Reason(String code, String description) {
    }
}
