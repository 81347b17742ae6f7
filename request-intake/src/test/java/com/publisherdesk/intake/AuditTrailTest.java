package com.publisherdesk.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An account's audit trail reads newest first, a page at a time, and only by the account's administrators. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class AuditTrailTest {

    private static final String AUDIT = "/v1/publishers/{publisherId}/audit";

    @Test
    void shouldListTheAccountsChangesNewestFirstPageByPage() {
        Accounts.Account account = Accounts.create("en");
        String first = account.email("first");
        String second = account.email("second");
        add(account, first);
        add(account, second);
        account.asAdmin().when().delete("/v1/publishers/{publisherId}/admins/{email}", account.id(), first)
                .then().statusCode(204);

        String next = account.asAdmin().queryParam("limit", 2).when().get(AUDIT, account.id())
                .then().statusCode(200)
                .body("items.oldValue", contains(first, null), "items.newValue", contains(null, second))
                .extract().path("next");
        account.asAdmin().queryParam("limit", 2).queryParam("cursor", next).when().get(AUDIT, account.id())
                .then().statusCode(200).body("items.newValue", contains(first), "next", nullValue());
    }

    @Test
    void shouldRejectAForgedCursorAndATooLargePage() {
        Accounts.Account account = Accounts.create("en");
        account.asAdmin().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get(AUDIT, account.id())
                .then().statusCode(400).contentType("application/problem+json");
        account.asAdmin().queryParam("limit", 1000).when().get(AUDIT, account.id())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldShowTheTrailOnlyToTheAccountsAdministrators() {
        Accounts.Account account = Accounts.create("en");
        Admins.given("northwind").when().get(AUDIT, account.id())
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static void add(Accounts.Account account, String email) {
        account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/v1/publishers/{publisherId}/admins", account.id()).then().statusCode(201);
    }
}
