package com.publisherdesk.billing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.publisherdesk.billing.CreditNote;

/**
 * A credit note as operators read it.
 *
 * @param number         its number
 * @param requestId      the request it answers
 * @param subscriptionId the subscription credited
 * @param periodFrom     first day credited
 * @param periodTo       last day credited
 * @param amount         the amount
 * @param currency       ISO 4217 code
 * @param issuedAt       when it was issued (named explicitly: the generated serializer would read the accessor
 *                       {@code issuedAt()} as an "is" getter and write {@code suedAt})
 */
public record CreditNoteView(String number, UUID requestId, String subscriptionId, LocalDate periodFrom,
        LocalDate periodTo, BigDecimal amount, String currency, @JsonProperty("issuedAt") Instant issuedAt) {

    public static CreditNoteView of(CreditNote note) {
        return new CreditNoteView(note.number, note.requestId, note.subscriptionId, note.periodFrom, note.periodTo,
                note.amount, note.currency, note.issuedAt);
    }
}
