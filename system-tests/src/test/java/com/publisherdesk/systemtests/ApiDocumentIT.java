package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * Every operation of every service's OpenAPI document can be tried from Swagger UI with a token from
 * {@code ./desk token}: an operationId (one per operation of a document), the bearer requirement, a success answer
 * (202 with its Location for filing a request), its refusals as problem+json with an example, and an example body
 * where it takes one.
 */
class ApiDocumentIT {

    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final String PROBLEM = "application/problem+json";

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldDocumentEveryOperationOfEveryServiceSoThatItCanBeTriedWithABearerToken() throws Exception {
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (String service : SERVICES) {
            Set<String> ids = new HashSet<>();
            String body = RestAssured.get(desk.url(service) + "/q/openapi?format=json").then().statusCode(200)
                    .extract().asString();
            JsonNode document = new ObjectMapper().readTree(body);
            for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) document.path("paths")::fields) {
                if (!path.getKey().startsWith("/v1/")) {
                    continue;
                }
                for (var operation : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                    operations++;
                    String name = service + " " + operation.getKey().toUpperCase() + " " + path.getKey();
                    faults.addAll(faultsOf(name, operation.getValue(), document, ids));
                }
            }
        }
        assertTrue(operations >= 30, "operations documented: " + operations);
        assertEquals(List.of(), faults);
    }

    private static List<String> faultsOf(String name, JsonNode operation, JsonNode document, Set<String> ids) {
        List<String> faults = new ArrayList<>();
        String id = operation.path("operationId").asText("");
        if (id.isEmpty() || !ids.add(id)) {
            faults.add(name + ": no operationId, or one used twice (" + id + ")");
        }
        if (!requiresBearer(operation, document)) {
            faults.add(name + ": no bearer security requirement");
        }
        JsonNode responses = operation.path("responses");
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
            faults.add(name + ": no success answer");
        }
        if (!codes.contains("401")) {
            faults.add(name + ": no 401");
        }
        if (name.matches(".* POST .*/(credit-requests|subscription-validations|support-requests)")
                && !responses.path("202").path("headers").has("Location")) {
            faults.add(name + ": filing without its 202 and Location");
        }
        responses.fields().forEachRemaining(response -> {
            if (response.getKey().matches("[45]\\d\\d")) {
                JsonNode problem = response.getValue().path("content").path(PROBLEM);
                if (!problem.path("schema").path("$ref").asText("").endsWith("/Problem")
                        || problem.path("example").path("status").asInt() != Integer.parseInt(response.getKey())) {
                    faults.add(name + ": " + response.getKey() + " without the problem+json schema and example");
                }
            }
        });
        JsonNode requestBody = operation.path("requestBody").path("content");
        requestBody.fields().forEachRemaining(media -> {
            if (media.getValue().path("example").isMissingNode()) {
                faults.add(name + ": no example " + media.getKey() + " body");
            }
        });
        return faults;
    }

    private static boolean requiresBearer(JsonNode operation, JsonNode document) {
        for (JsonNode requirement : operation.path("security")) {
            for (var scheme : (Iterable<String>) requirement::fieldNames) {
                JsonNode definition = document.path("components").path("securitySchemes").path(scheme);
                if ("http".equals(definition.path("type").asText()) && "bearer".equalsIgnoreCase(
                        definition.path("scheme").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
