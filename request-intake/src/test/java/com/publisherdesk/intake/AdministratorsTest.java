package com.publisherdesk.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.AdminChangeDetails;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Co-administrators added and removed: at once for access, never the last one, each change audited and filed. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class AdministratorsTest {

    private static final String ADMINS = "/v1/publishers/{publisherId}/admins";
    private static final String ADMIN = "/v1/publishers/{publisherId}/admins/{email}";
    private static final String PROFILE = "/v1/publishers/{publisherId}/profile";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private SubmittedRequests submitted;

    @BeforeEach
    void connect() {
        submitted = new SubmittedRequests(bootstrapServers);
    }

    @AfterEach
    void close() {
        submitted.close();
    }

    @Test
    void shouldAddACoAdministratorInLowerCaseWhoMayActForTheAccountAtOnce() {
        Accounts.Account account = Accounts.create("en");
        String added = account.email("new.admin");
        Admins.as(added).when().get(PROFILE, account.id()).then().statusCode(403);

        account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", added.replace("new.admin", "New.Admin")))
                .when().post(ADMINS, account.id())
                .then().statusCode(201).header("Location", endsWith("/v1/publishers/" + account.id() + "/admins/"
                        + added)).body("email", equalTo(added), "addedAt", notNullValue());

        Admins.as(added).when().get(PROFILE, account.id()).then().statusCode(200);
        account.asAdmin().when().get(ADMINS, account.id()).then().statusCode(200)
                .body("email", contains(account.admin(), added));
        account.asAdmin().when().get(ADMIN, account.id(), added).then().statusCode(200).body("email", equalTo(added));
    }

    @Test
    void shouldFileAnAdditionAsACompletedRequestAuditItAndTellEveryAdministratorIncludingTheNewOne() {
        Accounts.Account account = Accounts.create("fr");
        String added = account.email("second");
        account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", added))
                .when().post(ADMINS, account.id()).then().statusCode(201);

        String requestId = account.asAdmin().when().get("/v1/publishers/{publisherId}/audit", account.id())
                .then().statusCode(200).body("items", hasSize(1), "items[0].what", equalTo("administrator"),
                        "items[0].newValue", equalTo(added), "items[0].actor", equalTo(account.admin()))
                .extract().path("items[0].requestId");
        account.asAdmin().queryParam("type", RequestTypes.ADMIN_CHANGE)
                .when().get("/v1/publishers/{publisherId}/requests", account.id())
                .then().body("items.requestId", contains(requestId), "items[0].status", equalTo("completed"));

        RequestSubmitted event = submitted.of(requestId);
        assertEquals(new RequestDetails.AdminChange(new AdminChangeDetails(AdminChangeDetails.ADDED, added)),
                event.details());
        assertEquals(account.contact(), event.recipients().to());
        assertEquals(List.of(account.admin(), added), event.recipients().cc());
        assertEquals("fr", event.recipients().language());
    }

    @Test
    void shouldAnswer200AndFileNothingWhenTheEmailIsAlreadyAnAdministrator() {
        Accounts.Account account = Accounts.create("en");
        account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", account.admin().toUpperCase()))
                .when().post(ADMINS, account.id())
                .then().statusCode(200).body("email", equalTo(account.admin()));
        account.asAdmin().when().get(ADMINS, account.id()).then().body("email", contains(account.admin()));
        account.asAdmin().when().get("/v1/publishers/{publisherId}/audit", account.id()).then().body("items",
                hasSize(0));
    }

    @Test
    void shouldRemoveAnAdministratorWhoLosesAccessAtOnceAndIsToldWithTheOthers() {
        String removed = "leaving@removal.example";
        Accounts.Account account = Accounts.create("en", removed, "staying@removal.example");
        Admins.as(removed).when().get(PROFILE, account.id()).then().statusCode(200);

        account.asAdmin().when().delete(ADMIN, account.id(), removed).then().statusCode(204);

        Admins.as(removed).when().get(PROFILE, account.id()).then().statusCode(403);
        account.asAdmin().when().get(ADMIN, account.id(), removed).then().statusCode(404);
        String requestId = account.asAdmin().when().get("/v1/publishers/{publisherId}/audit", account.id())
                .then().body("items[0].what", equalTo("administrator"), "items[0].oldValue", equalTo(removed))
                .extract().path("items[0].requestId");
        RequestSubmitted event = submitted.of(requestId);
        assertEquals(RequestTypes.ADMIN_CHANGE, event.type());
        assertEquals(new RequestDetails.AdminChange(new AdminChangeDetails(AdminChangeDetails.REMOVED, removed)),
                event.details());
        assertEquals(account.contact(), event.recipients().to());
        assertTrue(event.recipients().cc().containsAll(List.of(account.admin(), "staying@removal.example",
                removed)), event.recipients().toString());
    }

    @Test
    void shouldAnswer404WhenRemovingSomeoneWhoIsNotAnAdministrator() {
        Accounts.Account account = Accounts.create("en", "second@notfound.example");
        account.asAdmin().when().delete(ADMIN, account.id(), "nobody@nowhere.example")
                .then().statusCode(404).contentType("application/problem+json");
        account.asAdmin().when().get(ADMINS, account.id()).then().body("email", hasSize(2));
    }

    @Test
    void shouldRefuseToRemoveTheLastAdministrator() {
        Accounts.Account account = Accounts.create("en");
        account.asAdmin().when().delete(ADMIN, account.id(), account.admin())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://publisherdesk.com/problems/last-administrator"));
        account.asAdmin().when().get(ADMINS, account.id()).then().statusCode(200)
                .body("email", contains(account.admin()));
        account.asAdmin().when().get("/v1/publishers/{publisherId}/audit", account.id()).then().body("items",
                hasSize(0));
    }

    @Test
    void shouldRefuseAnInvalidEmailNamingTheFieldAndAddNobody() {
        Accounts.Account account = Accounts.create("en");
        for (Object email : List.of("not-an-email", "someone@localhost", "two@@example.com", "")) {
            account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", email))
                    .when().post(ADMINS, account.id())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("email"));
        }
        account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", "a@b.example", "role", "owner"))
                .when().post(ADMINS, account.id()).then().statusCode(400).body("errors.field", hasItems("role"));
        account.asAdmin().when().get(ADMINS, account.id()).then().body("email", contains(account.admin()));
    }

    @Test
    void shouldRefuseTheDesksOwnStaffAsAdministratorsAndAddNobody() {
        Accounts.Account account = Accounts.create("en");
        for (String staff : List.of("agent@desk.example", "Operator@DESK.example")) {
            account.asAdmin().contentType(ContentType.JSON).body(Map.of("email", staff))
                    .when().post(ADMINS, account.id())
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", endsWith("/desk-staff"));
        }
        account.asAdmin().when().get(ADMINS, account.id()).then().body("email", contains(account.admin()));
        account.asAdmin().when().get("/v1/publishers/{publisherId}/audit", account.id()).then().body("items",
                hasSize(0));
    }

    @Test
    void shouldWarnOnTheAuditTrailWhenTheNewAdministratorAlreadyAdministersAnotherAccount() {
        Accounts.Account first = Accounts.create("en");
        Accounts.Account second = Accounts.create("en");
        String shared = first.email("consultant");
        first.asAdmin().contentType(ContentType.JSON).body(Map.of("email", shared))
                .when().post(ADMINS, first.id()).then().statusCode(201);
        first.asAdmin().when().get("/v1/publishers/{publisherId}/audit", first.id())
                .then().body("items[0].newValue", equalTo(shared), "items[0].warning", nullValue());

        second.asAdmin().contentType(ContentType.JSON).body(Map.of("email", shared))
                .when().post(ADMINS, second.id()).then().statusCode(201);

        second.asAdmin().when().get("/v1/publishers/{publisherId}/audit", second.id())
                .then().body("items[0].newValue", equalTo(shared),
                        "items[0].warning", equalTo("Also an administrator of another publisher's account on the "
                                + "desk."));
    }

    @Test
    void shouldForbidChangingTheAdministratorsOfAnotherPublisher() {
        Accounts.Account account = Accounts.create("en");
        Admins.given("northwind").contentType(ContentType.JSON).body(Map.of("email", Admins.NORTHWIND))
                .when().post(ADMINS, account.id()).then().statusCode(403);
        Admins.given("northwind").when().delete(ADMIN, account.id(), account.admin()).then().statusCode(403);
        account.asAdmin().when().get(ADMINS, account.id()).then().body("email", contains(account.admin()));
    }
}
