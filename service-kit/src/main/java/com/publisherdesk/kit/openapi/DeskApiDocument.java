package com.publisherdesk.kit.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes every desk service's OpenAPI document the same way, so that Swagger UI's "Try it out" works with a token
 * from {@code ./desk token}: the bearer scheme and its requirement on every {@code /v1} operation, the refusals every
 * operation can meet (401, 403, 400, 404, 413, 415 as they apply) besides those its resource declares, every refusal
 * as {@code application/problem+json} with the {@link ProblemDocs#SCHEMA} schema and an example, and an example body
 * for each operation that takes one (from {@code openapi/examples/<operationId>.json} on the class path).
 */
public class DeskApiDocument implements OASFilter {

    /** The bearer scheme every {@code /v1} operation requires. */
    public static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ProblemDocs.SCHEMA, ProblemDocs.schema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the identity provider, or from ./desk token on the embedded desk."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                operations(item).forEach((method, operation) -> complete(path, method, operation));
            }
        });
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
        OperationRefusals.add(path, operation);
        ProblemDocs.describeRefusals(operation);
        RequestExamples.add(operation);
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.getOperations() == null ? Map.of() : item.getOperations();
    }
}
