package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.publisherdesk.contracts.Topics;
import com.publisherdesk.devstack.MailboxEmail;

import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The portal in a real browser (headless Chromium) on the packaged desk: publishers, a Lumière administrator in
 * French, support agents and operators do their work by clicking, every page passes axe-core's check.
 */
class PortalBrowserIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final LocalDate LAST_MONTH = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);

    private static RunningDesk desk;
    private static PortalBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
        browser = new PortalBrowser(desk.url("portal"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldLetAPublisherFileACreditRequestShowFieldErrorsAndSeeItDecidedWithItsEmail() {
        browser.signInAs("admin@northwind.example", "");
        browser.assertAccessible("home");
        browser.screenshot("home");
        browser.driver().findElement(By.linkText("Northwind Apps")).click();
        assertEquals("Requests", browser.text(By.tagName("h1")));
        browser.assertAccessible("requests");
        browser.screenshot("requests");

        browser.driver().findElement(By.linkText("File a credit request")).click();
        browser.fill("f-amount", "12,50");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        assertFalse(browser.text(By.id("e-subscriptionId")).isBlank(), "the subscription's error beside it");
        assertFalse(browser.text(By.id("e-amount")).isBlank(), "the amount's error beside it");
        assertEquals("true", browser.driver().findElement(By.id("f-amount")).getAttribute("aria-invalid"));
        browser.assertAccessible("credit form with field errors");
        browser.screenshot("credit-form-errors");

        String subscription = billedSubscription("northwind", "Alpine Bakery SARL", "240.00", "EUR");
        fillCredit(subscription, "Alpine Bakery SARL", "15.00", "EUR");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        String page = await().atMost(SETTLE).until(() -> browser.driver().getCurrentUrl(),
                url -> url.matches(".*/requests/[0-9a-f-]{36}"));
        String requestId = page.replaceFirst(".*/requests/", "");
        UUID.fromString(requestId);
        await().atMost(SETTLE).until(() -> List.of("approved", "denied").contains(status()));
        await().atMost(SETTLE).until(() -> browser.driver().findElements(
                By.cssSelector("#timeline li[data-step='result-emailed']")).size() == 1);
        browser.assertAccessible("request");
        browser.screenshot("request");
        List<MailboxEmail> result = desk.mailbox().about(requestId).stream()
                .filter(email -> email.to().contains("billing@northwind.example")
                        && email.text().contains(requestId)).toList();
        assertFalse(result.isEmpty(), "the emails about the request are in the mailbox");
    }

    @Test
    void shouldLetALumiereAdministratorAuthorizeAWaitingCreditOnFrenchPages() {
        browser.signInAs("admin@lumiere.example", "");
        browser.open("/publishers/lumiere/credit-requests/new");
        assertEquals("fr", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Demander un avoir", browser.text(By.tagName("h1")));
        String subscription = billedSubscription("lumiere", "Brasserie du Port", "89.90", "EUR");
        fillCredit(subscription, "Brasserie du Port", "9.90", "EUR");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        await().atMost(SETTLE).until(() -> "awaiting-authorization".equals(status()));
        assertEquals("En attente de votre autorisation", browser.text(By.id("request-status")));
        browser.assertAccessible("request awaiting authorization (fr)");
        browser.screenshot("request-awaiting-authorization-fr");

        browser.click(By.id("authorize"));
        assertTrue(browser.text(By.cssSelector("p.notice")).contains("autorisation est enregistrée"));
        await().atMost(SETTLE).until(() -> "approved".equals(status()) && browser.driver().findElements(
                By.cssSelector("#timeline li[data-step='credit-note-issued']")).size() == 1);
        browser.open("/publishers/lumiere/profile");
        assertEquals("Profil", browser.text(By.tagName("h1")));
        browser.assertAccessible("profile (fr)");
    }

    @Test
    void shouldLetAnAgentApproveAReviewedCreditAndExplainWhyTheyCannotDecideTheirOwn() {
        String requestId = fileForReview();
        browser.signInAsSomeoneElse("admin@northwind.example", "support-agent");
        browser.open("/review/" + requestId);
        browser.driver().findElement(By.id("o-approve")).click();
        browser.fill("f-note", "I filed it, I approve it.");
        browser.driver().findElement(By.id("decide")).click();
        assertTrue(browser.text(By.id("four-eyes")).contains("may not decide it"));
        browser.assertAccessible("four-eyes refusal");
        browser.screenshot("review-four-eyes");

        browser.signInAs("agent@desk.example", "support-agent");
        browser.open("/review");
        browser.assertAccessible("review queue");
        browser.screenshot("review-queue");
        browser.driver().findElement(By.cssSelector("a[href='/review/" + requestId + "']")).click();
        browser.assertAccessible("evidence");
        browser.screenshot("review-evidence");
        browser.driver().findElement(By.id("o-approve")).click();
        browser.fill("f-note", "Outage confirmed against the incident log.");
        browser.driver().findElement(By.id("decide")).click();
        assertEquals("Approved: the publisher will be told.", browser.text(By.cssSelector("p.notice")));
        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(desk.url("request-intake") + "/v1/publishers/northwind/requests/" + requestId)
                .then().statusCode(200).body("status", equalTo("approved")));
    }

    @Test
    void shouldLetAnOperatorReplayADeadLetter() {
        String key = "portal-poison-" + UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(desk.bootstrapServers())) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.NOTIFICATIONS, key, "{\"not\": json");
            poison.headers().add("ce_type", "com.publisherdesk.acknowledgement.sent.v1".getBytes());
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes());
            kafka.produceStrings().fromRecords(List.of(poison)).awaitCompletion();
        }
        browser.signInAs("operator@desk.example", "operator");
        By row = By.xpath("//tr[td/code[text()='" + key + "']]");
        await().atMost(SETTLE).until(() -> {
            browser.open("/operator/dead-letters/request-intake");
            return browser.driver().findElements(row).size() == 1;
        });
        browser.assertAccessible("dead letters");
        browser.screenshot("dead-letters");
        browser.driver().findElement(row).findElement(By.tagName("button")).click();
        assertEquals("The dead letter was sent back to its topic.", browser.text(By.cssSelector("p.notice")));
        await().atMost(SETTLE).until(() -> {
            browser.open("/operator/dead-letters/request-intake");
            return browser.driver().findElements(row).size() == 2;
        });

        browser.open("/operator/emails?state=failed");
        assertTrue(browser.count(By.cssSelector("tbody tr")) > 0
                || browser.text(By.id("main")).contains("No email in this state."), "emails, or none said");
        browser.assertAccessible("emails");
        browser.screenshot("operator-emails");
        browser.open("/operator/policy");
        browser.assertAccessible("credit policy");
        browser.screenshot("credit-policy");
        dryRun(billedSubscription("northwind", "Contoso Pharmacy", "1200.00", "USD"));
        assertTrue(browser.text(By.id("problem")).contains("administrators only"));
    }

    @Test
    void shouldLetAPublisherTryTheCreditPolicyWithoutFilingAnything() {
        String subscription = billedSubscription("northwind", "Contoso Pharmacy", "1200.00", "USD");
        browser.signInAs("admin@northwind.example", "");
        browser.open("/publishers/northwind/credit-policy");
        dryRun(subscription);
        assertTrue(browser.text(By.id("ruling")).contains("review-above-threshold"), browser.text(By.id("ruling")));
        browser.assertAccessible("credit policy dry run");
        browser.screenshot("credit-policy-dry-run");
        desk.asAdminOf("northwind").get(desk.url("request-intake") + "/v1/publishers/northwind/requests?limit=100")
                .then().statusCode(200).body("items.subscriptionId", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(subscription)));
    }

    @Test
    void shouldShowThatTheProfileChangedMeanwhileRatherThanOverwriteIt() {
        browser.signInAs("ops@northwind.example", "");
        browser.open("/publishers/northwind/profile");
        String profile = desk.url("request-intake") + "/v1/publishers/northwind/profile";
        var current = desk.asAdminOf("northwind").get(profile).then().statusCode(200).extract();
        Map<String, Object> changed = new java.util.HashMap<>(current.jsonPath().getMap("$"));
        changed.put("phone", "+33 1 98 76 54 32");
        changed.put("creditConsent", Map.of("given", true));
        desk.asAdminOf("northwind").contentType(ContentType.JSON).header("If-Match", current.header("ETag"))
                .body(changed).put(profile).then().statusCode(200);

        browser.fill("f-contactName", "Someone from the portal");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        assertTrue(browser.text(By.id("conflict")).contains("changed the profile after you opened it"));
        assertEquals("+33 1 98 76 54 32", browser.driver().findElement(By.id("f-phone")).getAttribute("value"));
        desk.asAdminOf("northwind").get(profile).then().statusCode(200)
                .body("phone", equalTo("+33 1 98 76 54 32"), "contactName", org.hamcrest.Matchers.not(
                        equalTo("Someone from the portal")));
        browser.assertAccessible("profile conflict");
        browser.screenshot("profile-conflict");
    }

    @Test
    void shouldShowASecondPublisherANotYoursPageForTheFirstsPages() {
        String northwindRequest = desk.asAdminOf("northwind").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("topic", "inconsistent-statements", "subject", "Usage and invoice differ",
                        "description", "The usage report and the invoice disagree."))
                .post(desk.url("request-intake") + "/v1/publishers/northwind/support-requests")
                .then().statusCode(202).extract().header("Location").replaceFirst(".*/", "");
        browser.signInAs("admin@lumiere.example", "");
        browser.open("/publishers/northwind/requests");
        assertEquals("Ceci n'est pas à vous", browser.text(By.tagName("h1")));
        assertTrue(browser.text(By.cssSelector("p.status")).endsWith("403"));
        browser.assertAccessible("not yours (403)");
        browser.screenshot("not-yours");
        browser.open("/publishers/lumiere/requests/" + northwindRequest);
        assertEquals("Introuvable", browser.text(By.tagName("h1")));
        assertTrue(browser.text(By.cssSelector("p.status")).endsWith("404"));
        browser.assertAccessible("not found (404)");
        browser.open("/publishers/northwind/requests/" + northwindRequest);
        assertEquals("Ceci n'est pas à vous", browser.text(By.tagName("h1")));
    }

    @Test
    void shouldLetAPublisherValidateASubscriptionAndAskForSupportByClicking() {
        String subscription = billedSubscription("northwind", "Alpine Bakery SARL", "120.00", "EUR");
        browser.signInAs("admin@northwind.example", "");
        browser.open("/publishers/northwind/requests");
        browser.driver().findElement(By.linkText("Validate a subscription")).click();
        browser.assertAccessible("validation form");
        browser.fill("f-subscriptionId", subscription);
        browser.fill("f-billingAddress.line1", "3 Quai des Chartrons");
        browser.fill("f-billingAddress.city", "Bordeaux");
        browser.fill("f-billingAddress.postalCode", "33000");
        browser.fill("f-billingAddress.country", "FR");
        browser.screenshot("validation-form");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        await().atMost(SETTLE).until(() -> "confirmed".equals(status()));

        browser.driver().findElement(By.linkText("Ask for support")).click();
        browser.assertAccessible("support form");
        browser.fill("f-topic", "inconsistent-statements");
        browser.fill("f-subject", "Usage and invoice differ");
        browser.fill("f-description", "The usage report of last month and its invoice disagree.");
        browser.screenshot("support-form");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        await().atMost(SETTLE).until(() -> "routed".equals(status()));
    }

    @Test
    void shouldLetAnAdministratorAddAndRemoveACoAdministratorAndSeeBothOnTheAuditTrail() {
        String coAdmin = "co-admin-" + UUID.randomUUID() + "@northwind.example";
        browser.signInAs("admin@northwind.example", "");
        browser.open("/publishers/northwind/requests");
        browser.driver().findElement(By.linkText("Administrators")).click();
        browser.assertAccessible("co-administrators");
        browser.fill("f-email", "agent@desk.example");
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        assertTrue(browser.text(By.id("e-email")).contains("may not administer"), browser.text(By.id("e-email")));
        browser.assertAccessible("co-administrators with a refusal");

        browser.fill("f-email", coAdmin);
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
        assertEquals("The administrator is added.", browser.text(By.cssSelector("p.notice")));
        By row = By.xpath("//tbody/tr[td[starts-with(., '" + coAdmin + "')]]");
        assertEquals(1, browser.driver().findElements(row).size());
        browser.screenshot("admins");
        browser.click(By.cssSelector("button[aria-label='Remove " + coAdmin + "']"));
        assertEquals("The administrator is removed.", browser.text(By.cssSelector("p.notice")));
        assertEquals(0, browser.count(row));

        browser.driver().findElement(By.linkText("Audit trail")).click();
        assertEquals("Audit trail", browser.text(By.tagName("h1")));
        assertEquals("When", browser.text(By.cssSelector("thead th")));
        assertTrue(browser.text(By.tagName("tbody")).contains(coAdmin), "the addition and removal are audited");
        browser.assertAccessible("audit trail");
        browser.screenshot("audit");
    }

    @Test
    void shouldSwitchFromEnglishToFrenchAndFilterTheRequestsByType() {
        desk.asAdminOf("northwind").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("topic", "inconsistent-statements", "subject", "Statements differ",
                        "description", "The statement and the invoice disagree."))
                .post(desk.url("request-intake") + "/v1/publishers/northwind/support-requests").then().statusCode(202);
        browser.signInAs("admin@northwind.example", "");
        browser.open("/publishers/northwind/requests");
        assertEquals("en", browser.attribute(By.tagName("html"), "lang"));
        assertEquals("Requests", browser.text(By.tagName("h1")));
        browser.click(By.cssSelector("form.lang button[value='fr']"));
        await().atMost(SETTLE).until(() -> browser.attribute(By.tagName("html"), "lang"), "fr"::equals);
        assertEquals("Demandes", browser.text(By.tagName("h1")));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/publishers/northwind/requests"));

        browser.fill("f-type", "support");
        browser.driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
        // The filtered page loads after the click returns: wait for it before reading its rows.
        await().atMost(SETTLE).until(() -> browser.driver().getCurrentUrl(), url -> url.contains("type=support"));
        List<String> types = await().atMost(SETTLE).ignoreExceptions().until(() -> browser.driver()
                .findElements(By.cssSelector("tbody tr td:nth-child(2)")).stream().map(cell -> cell.getText())
                .distinct().toList(), found -> !found.isEmpty());
        assertEquals(List.of("Demande d'aide"), types);
        browser.assertAccessible("requests filtered (fr)");
    }

    @Test
    void shouldPassTheAccessibilityCheckOnTheSignInPageSignedOut() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/");
        browser.assertAccessible("home, signed out");
        browser.open("/sign-in/local");
        assertTrue(browser.driver().findElements(By.cssSelector("button[data-email]")).size() > 1);
        browser.assertAccessible("local sign-in");
    }

    private static void dryRun(String subscription) {
        browser.fill("f-subscriptionId", subscription);
        browser.fill("f-customerName", "Contoso Pharmacy");
        browser.fill("f-amount", "800.00");
        browser.fill("f-currency", "USD");
        period();
        browser.driver().findElement(By.cssSelector("form.stack button[type=submit]")).click();
    }

    private static String status() {
        return browser.attribute(By.id("request-status"), "data-status");
    }

    private static void fillCredit(String subscription, String customer, String amount, String currency) {
        browser.fill("f-subscriptionId", subscription);
        browser.fill("f-customerName", customer);
        browser.fill("f-amount", amount);
        browser.fill("f-currency", currency);
        period();
        browser.fill("f-reason.code", "service-outage");
        browser.fill("f-reason.description", "Two days of outage.");
    }

    private static void period() {
        browser.fill("f-creditPeriod.from", LAST_MONTH.toString());
        browser.fill("f-creditPeriod.to", LAST_MONTH.plusMonths(1).minusDays(1).toString());
        browser.fill("f-billingDate", LAST_MONTH.plusMonths(1).toString());
    }

    /** A new subscription of the publisher's, billed {@code amount} last month: no other test credits it. */
    private static String billedSubscription(String publisherId, String customer, String amount, String currency) {
        String subscription = "sub-portal-" + UUID.randomUUID();
        String offer = "northwind".equals(publisherId) ? "northwind-crm" : "lumiere-caisse";
        desk.asOperator().contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                "customerId", "cust-" + subscription, "customerName", customer, "offerId", offer,
                "publisherId", publisherId, "billingAddress", Map.of("line1", "3 Quai des Chartrons",
                        "city", "Bordeaux", "postalCode", "33000", "country", "FR"))))
                .post(desk.url("validation-service") + "/v1/operator/billing-records").then().statusCode(200);
        desk.asOperator().contentType(ContentType.JSON).body(List.of(Map.of("subscriptionId", subscription,
                "periodFrom", LAST_MONTH.toString(), "periodTo", LAST_MONTH.plusMonths(1).minusDays(1).toString(),
                "billingDate", LAST_MONTH.plusMonths(1).toString(), "amount", amount, "currency", currency)))
                .post(desk.url("billing-credit-service") + "/v1/operator/charges").then().statusCode(200);
        return subscription;
    }

    private static String fileForReview() {
        LocalDate from = LAST_MONTH;
        String subscription = billedSubscription("northwind", "Contoso Pharmacy", "1200.00", "USD");
        Map<String, Object> credit = Map.of("subscriptionId", subscription, "customerName", "Contoso Pharmacy",
                "amount", "800.00", "currency", "USD",
                "creditPeriod", Map.of("from", from.toString(), "to", from.plusMonths(1).minusDays(1).toString()),
                "billingDate", from.plusMonths(1).toString(), "reason", Map.of("code", "service-outage"));
        String id = desk.asAdminOf("northwind").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(credit)
                .post(desk.url("request-intake") + "/v1/publishers/northwind/credit-requests")
                .then().statusCode(202).extract().header("Location").replaceFirst(".*/", "");
        await().atMost(SETTLE).untilAsserted(() -> desk.asAdminOf("northwind")
                .get(desk.url("request-intake") + "/v1/publishers/northwind/requests/" + id)
                .then().statusCode(200).body("status", equalTo("in-review")));
        return id;
    }
}
