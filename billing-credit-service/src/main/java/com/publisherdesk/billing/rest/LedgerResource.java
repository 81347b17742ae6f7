package com.publisherdesk.billing.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.billing.CreditNote;
import com.publisherdesk.billing.api.ChargeBody;
import com.publisherdesk.billing.api.CreditNoteView;
import com.publisherdesk.billing.service.Ledger;
import com.publisherdesk.billing.service.Ledger.Billed;
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
        return ledger.importCharges(body.stream().map(LedgerResource::billed).toList());
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

    private static Billed billed(ChargeBody body) {
        return new Billed(body.subscriptionId(), body.periodFrom(), body.periodTo(), body.billingDate(),
                new BigDecimal(body.amount()), body.currency());
    }

}
