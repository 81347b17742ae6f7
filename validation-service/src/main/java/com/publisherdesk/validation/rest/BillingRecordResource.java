package com.publisherdesk.validation.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.validation.service.BillingRecords;
import com.publisherdesk.validation.service.BillingRecords.ImportResult;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operators feed the billing-address store from the billing system. */
@Path("/v1/operator/billing-records")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BillingRecordResource {

    private final BillingRecords records;

    public BillingRecordResource(BillingRecords records) {
        this.records = records;
    }

    @POST
    @Operation(summary = "Import subscriptions, customers, offers and billing addresses (idempotent upserts)")
    public ImportResult importRecords(@NotNull @Size(max = 10_000) List<@NotNull @Valid BillingRecordBody> body) {
        return records.importAll(body, "operator import");
    }
}
