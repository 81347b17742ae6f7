package com.publisherdesk.validation.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.validation.api.BillingRecordBody;
import com.publisherdesk.validation.service.BillingRecords;
import com.publisherdesk.validation.service.BillingRecords.ImportResult;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
    private final ObjectMapper json;
    private final Validator validator;

    public BillingRecordResource(BillingRecords records, ObjectMapper json, Validator validator) {
        this.records = records;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Operation(operationId = "importBillingRecords",
            summary = "Import subscriptions, customers, offers and billing addresses (idempotent upserts)")
    public ImportResult importRecords(@NotNull @Size(min = 1, max = 10_000)
            List<@NotNull @Valid BillingRecordBody> body) {
        return records.importAll(body.stream().map(BillingRecordBody::toRecord).toList(), "operator import");
    }

    @POST
    @Consumes("application/x-ndjson")
    @Operation(operationId = "importBillingRecordLines",
            summary = "Import billing records as JSON lines, one record per line (idempotent upserts)")
    public ImportResult importLines(@NotNull String body) throws JsonProcessingException {
        List<BillingRecordBody> lines = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(json.readValue(line, BillingRecordBody.class));
            }
        }
        Lines parsed = new Lines(lines);
        Set<ConstraintViolation<Lines>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return records.importAll(lines.stream().map(BillingRecordBody::toRecord).toList(), "operator import");
    }

    /**
     * The records of a JSON-lines import, validated together.
     *
     * @param lines one record per line
     */
    public record Lines(@Size(min = 1, max = 10_000) List<@NotNull @Valid BillingRecordBody> lines) {
    }
}
