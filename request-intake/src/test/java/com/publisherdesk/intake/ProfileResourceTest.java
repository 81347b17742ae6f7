package com.publisherdesk.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A publisher's profile: read with its ETag, changed only against the version read, every change audited and filed. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class ProfileResourceTest {

    private static final String PROFILE = "/v1/publishers/{publisherId}/profile";
    private static final String AUDIT = "/v1/publishers/{publisherId}/audit";

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
    void shouldAnswerTheProfileWithItsETag() {
        Accounts.Account account = Accounts.create("fr");
        account.asAdmin().when().get(PROFILE, account.id())
                .then().statusCode(200).header("ETag", matchesPattern("\"\\d+\""))
                .body("companyName", equalTo("Company " + account.id()), "contactEmail", equalTo(account.contact()),
                        "language", equalTo("fr"), "phone", nullValue(), "creditConsent.given", equalTo(false));
    }

    @Test
    void shouldApplyAChangeAnswerANewETagAndAuditWhoChangedWhatFromWhatToWhat() {
        Accounts.Account account = Accounts.create("en");
        String etag = etag(account);
        Map<String, Object> body = body(account).with("phone", "+33 5 56 00 00 00").with("postalAddress",
                Map.of("line1", "3 Quai des Chartrons", "city", "Bordeaux", "postalCode", "33000", "country", "FR"));
        String newEtag = put(account, etag, body).statusCode(200)
                .body("phone", equalTo("+33 5 56 00 00 00"), "postalAddress.city", equalTo("Bordeaux"))
                .extract().header("ETag");
        assertTrue(!etag.equals(newEtag), "the ETag did not change");
        account.asAdmin().when().get(PROFILE, account.id()).then().header("ETag", equalTo(newEtag));

        account.asAdmin().when().get(AUDIT, account.id()).then().statusCode(200)
                .body("items.what", containsInAnyOrder("phone", "postalAddress"),
                        "items.actor", contains(account.admin(), account.admin()),
                        "items.find { it.what == 'postalAddress' }.oldValue", nullValue(),
                        "items.find { it.what == 'postalAddress' }.newValue",
                        equalTo("3 Quai des Chartrons, Bordeaux, 33000, FR"),
                        "items.at", not(hasItem(nullValue())));
    }

    @Test
    void shouldRefuseAChangeWithoutIfMatchAndChangeNothing() {
        Accounts.Account account = Accounts.create("en");
        String etag = etag(account);
        account.asAdmin().contentType(ContentType.JSON).body(body(account).with("companyName", "Renamed"))
                .when().put(PROFILE, account.id())
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://publisherdesk.com/problems/precondition-required"));
        put(account, "*", body(account).with("companyName", "Renamed")).statusCode(428);
        assertUnchanged(account, etag);
    }

    @Test
    void shouldRefuseAChangeMadeAgainstAStaleETagAndChangeNothing() {
        Accounts.Account account = Accounts.create("en");
        String stale = etag(account);
        String current = put(account, stale, body(account).with("contactName", "First Change")).statusCode(200)
                .extract().header("ETag");
        put(account, stale, body(account).with("contactName", "Second Change")).statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://publisherdesk.com/problems/precondition-failed"));
        account.asAdmin().when().get(PROFILE, account.id()).then()
                .header("ETag", equalTo(current)).body("contactName", equalTo("First Change"));
        account.asAdmin().when().get(AUDIT, account.id()).then().body("items", hasSize(1));
    }

    @Test
    void shouldRefuseInvalidFieldsNamingEachAndChangeNothing() {
        Accounts.Account account = Accounts.create("en");
        String etag = etag(account);
        put(account, etag, body(account).with("companyName", " ").with("contactEmail", "not-an-email")
                .with("phone", "0556").with("language", "de")
                .with("postalAddress", Map.of("line1", "3 Quai des Chartrons", "city", "Bordeaux", "country",
                        "France"))).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("companyName", "contactEmail", "phone", "language",
                        "postalAddress.country"));
        put(account, etag, body(account).with("creditConsent", Map.of())).statusCode(400)
                .body("errors.field", hasItems("creditConsent.given"));
        put(account, etag, body(account).with("fax", "+33 1 00 00 00 00")).statusCode(400)
                .body("errors.field", hasItems("fax"));
        assertUnchanged(account, etag);
    }

    @Test
    void shouldRefuseLineBreaksInOneLineFieldsNamingEachAndChangeNothing() {
        Accounts.Account account = Accounts.create("en");
        String etag = etag(account);
        put(account, etag, body(account).with("companyName", "Evil Corp\r\nBcc: everyone@example.com")
                .with("contactName", "Casey\nContact")
                .with("postalAddress", Map.of("line1", "3 Quai\ndes Chartrons", "city", "Bordeaux\t",
                        "country", "FR"))).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("companyName", "contactName", "postalAddress.line1",
                        "postalAddress.city"));
        assertUnchanged(account, etag);
    }

    @Test
    void shouldRecordWhoGaveTheStandingConsentAndWhenAndClearItWhenWithdrawn() {
        Accounts.Account account = Accounts.create("en", "ops@consent.example");
        String etag = etag(account);
        etag = put(account, "ops@consent.example", etag, body(account).with("creditConsent", Map.of("given", true)))
                .statusCode(200).body("creditConsent.given", equalTo(true),
                        "creditConsent.givenBy", equalTo("ops@consent.example"),
                        "creditConsent.givenAt", notNullValue())
                .extract().header("ETag");
        Publisher stored = QuarkusTransaction.requiringNew().call(() -> Publisher.<Publisher>findById(account.id()));
        assertEquals("ops@consent.example", stored.creditConsentGivenBy);

        put(account, etag, body(account).with("creditConsent", Map.of("given", false))).statusCode(200)
                .body("creditConsent.given", equalTo(false), "creditConsent.givenBy", nullValue());
        Publisher withdrawn = QuarkusTransaction.requiringNew().call(() -> Publisher.<Publisher>findById(account.id()));
        assertNull(withdrawn.creditConsentGivenBy);
        assertNull(withdrawn.creditConsentGivenAt);
        account.asAdmin().when().get(AUDIT, account.id()).then()
                .body("items.what", contains("creditConsent", "creditConsent"),
                        "items.actor", contains(account.admin(), "ops@consent.example"),
                        "items.newValue", contains(FieldChange.NOT_GIVEN, FieldChange.GIVEN));
    }

    @Test
    void shouldFileAChangeAsACompletedRequestAndPublishItForTheAdministratorsAndBothContacts() {
        Accounts.Account account = Accounts.create("fr", "ops@filed.example");
        put(account, etag(account), body(account).with("contactEmail", "New.Contact@Filed.example")
                .with("language", "en")).statusCode(200).body("contactEmail", equalTo("new.contact@filed.example"));
        String requestId = account.asAdmin().queryParam("type", RequestTypes.PROFILE_CHANGE)
                .when().get("/v1/publishers/{publisherId}/requests", account.id())
                .then().statusCode(200).body("items", hasSize(1), "items[0].status", equalTo("completed"))
                .extract().path("items[0].requestId");
        account.asAdmin().when().get("/v1/publishers/{publisherId}/requests/{requestId}", account.id(), requestId)
                .then().statusCode(200).body("timeline.step", hasItems("submitted", "applied"),
                        "details.changes.field", contains("contactEmail", "language"));
        account.asAdmin().when().get(AUDIT, account.id()).then().body("items.requestId", hasItems(requestId));

        RequestSubmitted event = submitted.of(requestId);
        assertEquals(RequestTypes.PROFILE_CHANGE, event.type());
        assertEquals(account.admin(), event.submittedBy());
        assertEquals(List.of(new FieldChange("contactEmail", account.contact(), "new.contact@filed.example"),
                new FieldChange("language", "fr", "en")), ((RequestDetails.ProfileChange) event.details()).change()
                .changes());
        assertEquals("new.contact@filed.example", event.recipients().to());
        assertEquals(List.of(account.admin(), "ops@filed.example", account.contact()), event.recipients().cc());
        assertEquals("en", event.recipients().language());
    }

    @Test
    void shouldChangeNothingAndFileNothingWhenTheProfileReadIsSentBackAsItIs() {
        Accounts.Account account = Accounts.create("en");
        var read = account.asAdmin().when().get(PROFILE, account.id()).then().statusCode(200).extract();
        String etag = read.header("ETag");
        account.asAdmin().contentType(ContentType.JSON).header("If-Match", etag).body(read.body().asString())
                .when().put(PROFILE, account.id())
                .then().statusCode(200).header("ETag", equalTo(etag));
        assertUnchanged(account, etag);
        account.asAdmin().queryParam("type", RequestTypes.PROFILE_CHANGE)
                .when().get("/v1/publishers/{publisherId}/requests", account.id())
                .then().body("items", hasSize(0));
    }

    @Test
    void shouldForbidTheProfileToAnyoneButTheAccountsAdministrators() {
        Accounts.Account account = Accounts.create("en");
        String etag = etag(account);
        Admins.given("northwind").when().get(PROFILE, account.id()).then().statusCode(403);
        put(account, Admins.NORTHWIND, etag, body(account).with("companyName", "Taken Over")).statusCode(403)
                .contentType("application/problem+json");
        assertUnchanged(account, etag);
    }

    private static String etag(Accounts.Account account) {
        return account.asAdmin().when().get(PROFILE, account.id()).then().statusCode(200).extract().header("ETag");
    }

    private static ValidatableResponse put(Accounts.Account account, String etag, Map<String, Object> body) {
        return put(account, account.admin(), etag, body);
    }

    private static ValidatableResponse put(Accounts.Account account, String caller, String etag,
            Map<String, Object> body) {
        return Admins.as(caller).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put(PROFILE, account.id()).then();
    }

    private static void assertUnchanged(Accounts.Account account, String etag) {
        account.asAdmin().when().get(PROFILE, account.id()).then().statusCode(200).header("ETag", equalTo(etag))
                .body("companyName", equalTo("Company " + account.id()));
        account.asAdmin().when().get(AUDIT, account.id()).then().statusCode(200)
                .body("items", hasSize(0), "next", nullValue());
    }

    private static Body body(Accounts.Account account) {
        Body body = new Body();
        body.put("companyName", "Company " + account.id());
        body.put("contactName", "Casey Contact");
        body.put("contactEmail", account.contact());
        body.put("language", QuarkusTransaction.requiringNew().call(() -> Publisher.<Publisher>findById(account.id())
                .language));
        body.put("creditConsent", Map.of("given", false));
        return body;
    }

    /** A profile body, the account's own unless changed. */
    private static final class Body extends HashMap<String, Object> {

        Body with(String field, Object value) {
            put(field, value);
            return this;
        }
    }
}
