package com.publisherdesk.billing.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.publisherdesk.billing.CreditNote;
import com.publisherdesk.billing.service.Ledger;
import com.publisherdesk.billing.service.Ledger.ImportResult;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operators feed the billing ledger and read the credit notes issued. */
@Path("/v1/operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final Ledger ledger;

    public LedgerResource(Ledger ledger) {
        this.ledger = ledger;
    }

    @POST
    @Path("/charges")
    @Operation(operationId = "importCharges",
            summary = "Import charges per subscription and billing period (idempotent upserts)")
    public ImportResult importCharges(@NotNull @Size(min = 1, max = 10_000)
            List<@NotNull @Valid ChargeBody> body) {
        return ledger.importCharges(body);
    }

    @GET
    @Path("/credit-notes")
    @Transactional
    @Operation(operationId = "listCreditNotes", summary = "The credit notes issued for a subscription")
    public List<CreditNoteView> creditNotes(@QueryParam("subscriptionId") @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, '.', '_' or '-'")
            String subscriptionId) {
        return CreditNote.ofSubscription(subscriptionId).stream().map(CreditNoteView::of).toList();
    }

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
}
