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
 * {@code ./desk token}: an operationId (one per operation of a document), the bearer requirement, its real success
 * answers (202 with its Location for filing a request), its refusals as problem+json with an example, and an example
 * body where it takes one. The refusals it can really meet are declared, named by their problem type: load shedding's
 * 503 ({@code busy}) on every operation, 422 ({@code idempotency-key-reused}) on every one that takes an
 * Idempotency-Key, and those of {@link #ANSWERS}.
 */
class ApiDocumentIT {

    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");
    private static final String PROBLEM = "application/problem+json";

    /**
     * The answers operations really give besides those every operation of their shape gives: each success answer when
     * it is not 200 alone, each refusal their services throw (with the problem type it carries).
     */
    private static final List<Answer> ANSWERS = List.of(
            new Answer("fileCreditRequest", "202", null), new Answer("fileCreditRequest", "409",
                    "duplicate-credit-request"),
            new Answer("validateSubscription", "202", null), new Answer("validateSubscription", "429",
                    "too-many-requests"),
            new Answer("fileSupportRequest", "202", null),
            new Answer("authorizeCredit", "202", null), new Answer("authorizeCredit", "200", null),
            new Answer("authorizeCredit", "409", "not-a-credit-request"),
            new Answer("authorizeCredit", "409", "credit-denied"),
            new Answer("updateProfile", "412", "precondition-failed"),
            new Answer("updateProfile", "428", "precondition-required"),
            new Answer("addAdmin", "201", null), new Answer("addAdmin", "200", null),
            new Answer("addAdmin", "422", "desk-staff"),
            new Answer("removeAdmin", "204", null), new Answer("removeAdmin", "409", "last-administrator"),
            new Answer("decideReview", "403", "four-eyes"), new Answer("decideReview", "409", "already-decided"),
            new Answer("decideReview", "409", "exceeds-creditable"),
            new Answer("dryRunCreditPolicy", "503", "validation-unavailable"),
            new Answer("replayDeadLetter", "202", null), new Answer("replayDeadLetter", "409", "not-replayable"),
            new Answer("replayDeadLetter", "503", "kafka-unavailable"),
            new Answer("registerWebhook", "201", null), new Answer("registerWebhook", "409", "too-many-webhooks"),
            new Answer("getWebhook", "404", null), new Answer("enableWebhook", "404", null),
            new Answer("deleteWebhook", "204", null), new Answer("deleteWebhook", "404", null),
            new Answer("listWebhookDeliveries", "404", null),
            new Answer("redeliverWebhookDelivery", "202", null), new Answer("redeliverWebhookDelivery", "404", null));

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldDocumentEveryOperationOfEveryServiceSoThatItCanBeTriedWithABearerToken() throws Exception {
        List<String> faults = new ArrayList<>();
        Set<String> seen = new HashSet<>();
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
                    faults.addAll(undeclaredAnswersOf(name, operation.getValue()));
                    seen.add(operation.getValue().path("operationId").asText(""));
                }
            }
        }
        assertTrue(operations >= 30, "operations documented: " + operations);
        ANSWERS.stream().map(Answer::operationId).filter(id -> !seen.contains(id)).distinct()
                .forEach(id -> faults.add(id + ": no such operation in any document"));
        assertEquals(List.of(), faults);
    }

    /** The answers the operation really gives that its document does not declare, or declares wrongly. */
    private static List<String> undeclaredAnswersOf(String name, JsonNode operation) {
        List<String> faults = new ArrayList<>();
        String id = operation.path("operationId").asText("");
        JsonNode responses = operation.path("responses");
        List<Answer> answers = new ArrayList<>(ANSWERS.stream().filter(answer -> answer.operationId().equals(id))
                .toList());
        answers.add(new Answer(id, "503", "busy"));
        boolean idempotent = false;
        for (JsonNode parameter : operation.path("parameters")) {
            idempotent |= "header".equals(parameter.path("in").asText())
                    && "Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText());
        }
        if (idempotent) {
            answers.add(new Answer(id, "422", "idempotency-key-reused"));
        }
        for (Answer answer : answers) {
            JsonNode response = responses.path(answer.status());
            if (response.isMissingNode()) {
                faults.add(name + ": " + answer.status() + " not declared"
                        + (answer.problemType() == null ? "" : " (" + answer.problemType() + ")"));
            } else if (answer.problemType() != null
                    && !response.path("description").asText().contains("`" + answer.problemType() + "`")) {
                faults.add(name + ": " + answer.status() + " does not name `" + answer.problemType() + "`");
            }
        }
        if (!responses.path("503").path("headers").has("Retry-After")) {
            faults.add(name + ": 503 without its Retry-After");
        }
        List<String> successes = answers.stream().map(Answer::status).filter(s -> s.startsWith("2")).toList();
        responses.fieldNames().forEachRemaining(status -> {
            if (status.startsWith("2") && !(successes.isEmpty() ? List.of("200") : successes).contains(status)) {
                faults.add(name + ": declares " + status + ", which it never answers");
            }
        });
        return faults;
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

    /**
     * An answer an operation really gives.
     *
     * @param operationId the operation
     * @param status      its status code
     * @param problemType the problem type a refusal carries, named in its description; null when any will do
     */
    private record Answer(String operationId, String status, String problemType) {
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
