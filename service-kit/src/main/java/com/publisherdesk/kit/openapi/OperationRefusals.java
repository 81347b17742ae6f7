package com.publisherdesk.kit.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The refusals an operation can meet by its shape alone, whatever its resource declares besides: 503 from load shedding
 * on every one of them, 422 on each that takes an Idempotency-Key.
 */
final class OperationRefusals {

    private static final List<String> GUARDED = List.of("/v1/publishers/{", "/v1/operator/", "/v1/review-queue");

    private OperationRefusals() {
    }

    static void add(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        add(responses, "401", "No bearer token, or an expired one, one signed by another key or for another audience");
        if (GUARDED.stream().anyMatch(path::startsWith)) {
            add(responses, "403", path.startsWith("/v1/publishers/") ? "The token's email does not administer this "
                    + "publisher account" : "The token lacks the role this operation needs");
        }
        if (body || parameters) {
            add(responses, "400", "Invalid input: the offending fields are named in errors");
        }
        if (path.contains("/{") && !path.matches("/v1/publishers/\\{[^}]+}/[a-z-]+(/dry-run)?")) {
            add(responses, "404", "Not found (another publisher's request is not found either)");
        }
        if (body) {
            add(responses, "413", "The body is larger than the limit (README, Limits)");
            add(responses, "415", "The body is not of a media type the operation takes");
        }
        if (takesIdempotencyKey(operation)) {
            add(responses, "422", "`idempotency-key-reused`: this Idempotency-Key was first used with another body");
        }
        add(responses, "503", "`busy`: more requests in progress than the service takes at once (load shedding), or "
                + "a service it depends on cannot be reached; nothing was stored. Try again after Retry-After");
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(parameter ->
                parameter.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(parameter.getName()));
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }
}
