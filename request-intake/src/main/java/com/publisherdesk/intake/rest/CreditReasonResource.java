package com.publisherdesk.intake.rest;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.kit.api.CreditReason;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The published list of credit reasons. */
@Path("/v1/credit-reasons")
@Produces(MediaType.APPLICATION_JSON)
public class CreditReasonResource {

    @GET
    @Operation(operationId = "listCreditReasons", summary = "The reason codes a credit request may give")
    public List<ReasonView> list() {
        return Arrays.stream(CreditReason.values()).map(r -> new ReasonView(r.code(), r.label())).toList();
    }

    /**
     * One reason.
     *
     * @param code  the code to send
     * @param label what it means
     */
    public record ReasonView(String code, String label) {
    }
}
