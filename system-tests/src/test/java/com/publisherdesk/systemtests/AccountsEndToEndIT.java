package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.EmbeddedDatabase;
import com.publisherdesk.devstack.MailboxEmail;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A publisher's account through the real services: co-administrators added and removed take effect at once in every
 * service (intake's own endpoints and billing's, which asks intake), the last one stays, and each change, like a
 * profile change made against its ETag, is one request whose one email reaches every administrator.
 */
class AccountsEndToEndIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldGiveAndTakeAccessAtOnceEverywhereAndTellEveryAdministratorByEmailOnce() throws Exception {
        String publisher = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = "owner@" + publisher + ".example";
        String second = "second@" + publisher + ".example";
        createPublisher(publisher, owner);
        as(second).get(intake("/v1/publishers/" + publisher + "/requests")).then().statusCode(403);

        as(owner).contentType(ContentType.JSON).body(Map.of("email", second))
                .post(intake("/v1/publishers/" + publisher + "/admins")).then().statusCode(201);
        as(second).get(intake("/v1/publishers/" + publisher + "/requests")).then().statusCode(200);
        dryRun(second, publisher).then().statusCode(200);
        MailboxEmail added = onlyEmailOf(publisher, second);
        assertTrue(added.to().contains(owner) || added.cc().contains(owner), added::toString);

        as(second).delete(intake("/v1/publishers/" + publisher + "/admins/" + owner)).then().statusCode(204);
        as(owner).get(intake("/v1/publishers/" + publisher + "/requests")).then().statusCode(403);
        dryRun(owner, publisher).then().statusCode(403);
        MailboxEmail removed = onlyEmailOf(publisher, owner);
        assertTrue(removed.to().contains(second) || removed.cc().contains(second), removed::toString);

        as(second).delete(intake("/v1/publishers/" + publisher + "/admins/" + second)).then().statusCode(409)
                .contentType("application/problem+json");
        as(second).get(intake("/v1/publishers/" + publisher + "/admins")).then().statusCode(200)
                .body("email", equalTo(List.of(second)));
    }

    @Test
    void shouldApplyAProfileChangeOnlyAgainstTheVersionReadAndEmailItOnce() throws Exception {
        String publisher = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = "owner@" + publisher + ".example";
        createPublisher(publisher, owner);
        String profile = intake("/v1/publishers/" + publisher + "/profile");
        var read = as(owner).get(profile).then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>(read.jsonPath().getMap("$"));
        body.put("companyName", "Acme Renamed");
        body.put("language", "fr");

        as(owner).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body).put(profile)
                .then().statusCode(200).body("companyName", equalTo("Acme Renamed"));
        as(owner).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body).put(profile)
                .then().statusCode(412).contentType("application/problem+json");

        String requestId = await().atMost(SETTLE).until(() -> as(owner).queryParam("type", "profile-change")
                .get(intake("/v1/publishers/" + publisher + "/requests")).then().statusCode(200).extract()
                .<String>path("items[0].requestId"), id -> id != null);
        List<MailboxEmail> emails = await().atMost(SETTLE).until(() -> desk.mailbox().about(requestId),
                list -> !list.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(SETTLE).until(() -> desk.mailbox().about(requestId).size() == 1);
        assertTrue(emails.get(0).to().contains("contact@" + publisher + ".example")
                || emails.get(0).cc().contains(owner), emails::toString);
        assertTrue(emails.get(0).text().contains("Acme Renamed"), emails.get(0)::text);
    }

    /** The one email of the newest admin-change request of {@code publisher} that names {@code email}. */
    private static MailboxEmail onlyEmailOf(String publisher, String email) {
        String requestId = await().atMost(SETTLE).until(() -> newestAdminChange(publisher), id -> id != null);
        await().during(Duration.ofSeconds(2)).atMost(SETTLE).until(() -> desk.mailbox().about(requestId).size() == 1);
        MailboxEmail mail = desk.mailbox().about(requestId).get(0);
        assertTrue(mail.text().contains(email), mail::text);
        assertEquals(1, mail.deliveries(), mail::toString);
        return mail;
    }

    private static String newestAdminChange(String publisher) {
        String anyAdmin = firstAdmin(publisher);
        return as(anyAdmin).queryParam("type", "admin-change").queryParam("limit", 1)
                .get(intake("/v1/publishers/" + publisher + "/requests")).then().statusCode(200).extract()
                .path("items[0].requestId");
    }

    private static String firstAdmin(String publisher) {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "select email from intake.publisher_admin where publisher_id = ? order by added_at limit 1")) {
            query.setString(1, publisher);
            var result = query.executeQuery();
            result.next();
            return result.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.Response dryRun(String email, String publisher) {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        return as(email).contentType(ContentType.JSON).body(Map.of("subscriptionId", "sub-none", "customerName",
                "Nobody", "amount", "1.00", "currency", "EUR", "creditPeriod", Map.of("from", month.toString(),
                        "to", month.plusMonths(1).minusDays(1).toString()), "billingDate",
                month.plusMonths(1).toString(), "reasonCode", "other"))
                .post(desk.url("billing-credit-service") + "/v1/publishers/" + publisher + "/credit-policy/dry-run");
    }

    /** A new publisher account as onboarding leaves it: a contact address and one administrator. */
    private static void createPublisher(String publisher, String owner) throws Exception {
        try (Connection db = connect()) {
            try (PreparedStatement insert = db.prepareStatement("insert into intake.publisher (id, company_name, "
                    + "contact_name, contact_email, language) values (?, ?, ?, ?, 'en')")) {
                insert.setString(1, publisher);
                insert.setString(2, "Acme " + publisher);
                insert.setString(3, "Ann Acme");
                insert.setString(4, "contact@" + publisher + ".example");
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into intake.publisher_admin (publisher_id, email, added_at) values (?, ?, now())")) {
                insert.setString(1, publisher);
                insert.setString(2, owner);
                insert.executeUpdate();
            }
        }
    }

    private static Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(desk.stack().database().jdbcUrl(), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    private static RequestSpecification as(String email) {
        return RestAssured.given().auth().oauth2(desk.tokens().person(email));
    }

    private static String intake(String path) {
        return desk.url("request-intake") + path;
    }
}
