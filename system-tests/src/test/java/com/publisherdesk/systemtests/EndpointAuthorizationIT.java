package com.publisherdesk.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DeskTokens;

import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of every service, read from the service's own OpenAPI document so that a new endpoint cannot be left
 * out, is tried with no token, an expired token, a token signed by another key, a token for another audience, and
 * with the token of someone who may not use it (another publisher's administrator, a publisher on operator and agent
 * endpoints). Each is refused with the right status as {@code application/problem+json}, and nothing is stored.
 */
class EndpointAuthorizationIT {

    private static final List<String> SERVICES = List.of("request-intake", "validation-service",
            "billing-credit-service", "notification-service");

    private static RunningDesk desk;
    private static String northwindRequest;
    private static String lumiereRequest;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        northwindRequest = file("northwind");
        lumiereRequest = file("lumiere");
    }

    @Test
    void shouldRefuseEveryEndpointWithoutAValidTokenForTheDesk() {
        DeskTokens stranger = DeskTokens.untrusted();
        String email = "admin@northwind.example";
        Map<String, String> tokens = Map.of(
                "no token", "",
                "expired token", desk.tokens().expired(email, Duration.ofMinutes(10)),
                "token signed by another key", stranger.person(email),
                "token for another audience", desk.tokens().forAudience(email, "another-api"),
                "malformed token", "not.a.jwt");
        List<String> wrong = new ArrayList<>();
        String before = newestRequest();
        for (Operation operation : operations()) {
            tokens.forEach((what, token) -> {
                Response answer = call(operation, token.isEmpty() ? given() : given().auth().oauth2(token));
                if (answer.statusCode() != 401 || !isProblem(answer)) {
                    wrong.add(operation + " with " + what + " answered " + answer.statusCode());
                }
            });
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertEquals(before, newestRequest());
    }

    @Test
    void shouldForbidEveryEndpointToSomeoneWithoutTheRightToUseIt() {
        List<String> wrong = new ArrayList<>();
        String before = newestRequest();
        for (Operation operation : operations()) {
            if (operation.path().contains("{publisherId}")) {
                expect(wrong, operation, "lumiere's administrator", desk.asAdminOf("lumiere"), 403);
                expect(wrong, operation, "a support agent", desk.asSupportAgent("agent@desk.example"), 403);
                expect(wrong, operation, "an operator", desk.asOperator(), 403);
            } else if (operation.path().startsWith("/v1/operator")) {
                expect(wrong, operation, "a publisher administrator", desk.asAdminOf("northwind"), 403);
                expect(wrong, operation, "a support agent", desk.asSupportAgent("agent@desk.example"), 403);
            } else if (operation.path().startsWith("/v1/review-queue")) {
                expect(wrong, operation, "a publisher administrator", desk.asAdminOf("northwind"), 403);
                expect(wrong, operation, "an operator", desk.asOperator(), 403);
            } else if (operation.path().startsWith("/v1/desk")) {
                expect(wrong, operation, "a publisher administrator", desk.asAdminOf("northwind"), 403);
            } else {
                Response answer = call(operation, desk.asAdminOf("northwind"));
                if (answer.statusCode() == 401 || answer.statusCode() == 403) {
                    wrong.add(operation + " refused an authenticated caller: " + answer.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertEquals(before, newestRequest());
    }

    /**
     * Only paths under a publisher's account can name another publisher's request: the review queue's paths carry a
     * request id but no publisher id, and support agents work every publisher's requests there.
     */
    @Test
    void shouldAnswerNotFoundForAnotherPublishersRequestUnderOnesOwnAccount() {
        List<Operation> onRequests = operations().stream()
                .filter(o -> o.path().contains("{requestId}") && o.path().contains("{publisherId}")).toList();
        assertFalse(onRequests.isEmpty(), "no endpoint takes a request id");
        for (Operation operation : onRequests) {
            Response answer = call(operation, desk.asAdminOf("northwind"), lumiereRequest);
            assertEquals(404, answer.statusCode(), operation + " with lumiere's request: " + answer.asString());
            assertTrue(isProblem(answer), operation.toString());
        }
        desk.asAdminOf("northwind").get(desk.url("request-intake") + "/v1/publishers/northwind/requests/"
                + northwindRequest).then().statusCode(200);
    }

    private static void expect(List<String> wrong, Operation operation, String who, RequestSpecification request,
            int status) {
        Response answer = call(operation, request);
        if (answer.statusCode() != status || !isProblem(answer)) {
            wrong.add(operation + " as " + who + " answered " + answer.statusCode() + " (expected " + status + ")");
        }
    }

    /** Every operation under /v1 that the services' OpenAPI documents describe. */
    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON)
                    .get(desk.url(service) + "/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                    .getMap("paths");
            paths.forEach((path, methods) -> methods.keySet().stream()
                    .filter(method -> List.of("get", "post", "put", "delete", "patch").contains(method))
                    .filter(method -> path.startsWith("/v1/"))
                    .forEach(method -> operations.add(new Operation(service, Method.valueOf(method.toUpperCase()),
                            path, queryParameters(methods.get(method))))));
        }
        assertTrue(operations.stream().map(Operation::service).distinct().count() == SERVICES.size(),
                () -> "a service documents no /v1 endpoint: " + operations);
        return operations;
    }

    private static Response call(Operation operation, RequestSpecification request) {
        return call(operation, request, northwindRequest);
    }

    private static Response call(Operation operation, RequestSpecification request, String requestId) {
        Function<String, String> fill = path -> path.replace("{publisherId}", "northwind")
                .replace("{requestId}", requestId).replace("{email}", "ops@northwind.example")
                .replace("{partition}", "0").replace("{offset}", "0")
                .replace("{webhookId}", "00000000-0000-4000-8000-000000000001").replace("{deliveryId}", "1");
        RequestSpecification sent = request.contentType(ContentType.JSON).body("{}");
        if (operation.query().contains("requestId")) {
            sent = sent.queryParam("requestId", requestId);
        }
        return sent.request(operation.method(), desk.url(operation.service()) + fill.apply(operation.path()));
    }

    /** The names of the query parameters an operation of the OpenAPI document takes. */
    @SuppressWarnings("unchecked")
    private static Set<String> queryParameters(Object operation) {
        Object parameters = ((Map<String, Object>) operation).get("parameters");
        if (!(parameters instanceof List<?> list)) {
            return Set.of();
        }
        return list.stream().map(p -> (Map<String, Object>) p).filter(p -> "query".equals(p.get("in")))
                .map(p -> (String) p.get("name")).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean isProblem(Response answer) {
        return String.valueOf(answer.contentType()).startsWith("application/problem+json");
    }

    private static String newestRequest() {
        return desk.asAdminOf("northwind").queryParam("limit", 1)
                .get(desk.url("request-intake") + "/v1/publishers/northwind/requests").then().statusCode(200)
                .extract().path("items[0].requestId");
    }

    private static String file(String publisher) {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        Map<String, Object> body = Map.of("subscriptionId", "sub-auth-" + UUID.randomUUID(), "customerName",
                "Nobody In Particular", "amount", "10.00", "currency", "EUR", "creditPeriod",
                Map.of("from", month.toString(), "to", month.plusMonths(1).minusDays(1).toString()),
                "billingDate", month.plusMonths(1).toString(),
                "reason", Map.of("code", "other", "description", "authorization checks"));
        return desk.asAdminOf(publisher).contentType(ContentType.JSON).body(body)
                .post(desk.url("request-intake") + "/v1/publishers/" + publisher + "/credit-requests")
                .then().statusCode(202).extract().path("requestId");
    }

    /** One method on one path of one service, and the query parameters it takes. */
    private record Operation(String service, Method method, String path, Set<String> query) {

        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }
}
