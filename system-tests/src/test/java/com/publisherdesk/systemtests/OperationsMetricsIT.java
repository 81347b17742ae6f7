package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DeskServices;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The signals operators watch, on each service's management port: the outbox backlog grows while the broker is
 * stopped and drains once it is back; the pending emails grow while the mail server is down and drain once it is
 * back; the dead letters, the workers' last passes and the acknowledgement clock are there to be watched, and so is
 * every metric the dashboard and the alert rules under deploy/ read.
 */
class OperationsMetricsIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final int REQUESTS = 3;

    private static RunningDesk desk;

    @BeforeAll
    static void start() throws Exception {
        desk = RunningDesk.shared();
    }

    @Test
    void shouldShowTheOutboxBacklogGrowWhileTheBrokerIsStoppedAndDrainOnceItIsBack() throws Exception {
        await().atMost(SETTLE).until(() -> gauge("request-intake", "desk_outbox_backlog", "") == 0);
        desk.stack().kafka().stop();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                fileSupportRequest("broker stopped " + i);
            }
            await().atMost(SETTLE).until(() -> gauge("request-intake", "desk_outbox_backlog", "") >= REQUESTS
                    && gauge("request-intake", "desk_outbox_oldest_age_seconds", "") > 0);
        } finally {
            desk.stack().kafka().start();
        }
        await().atMost(SETTLE).until(() -> gauge("request-intake", "desk_outbox_backlog", "") == 0
                && gauge("request-intake", "desk_outbox_oldest_age_seconds", "") == 0);
    }

    @Test
    void shouldShowThePendingEmailsGrowWhileTheMailServerIsDownAndDrainOnceItIsBack() throws Exception {
        await().atMost(SETTLE).until(() -> unsentEmails() == 0);
        desk.mailbox().stopSmtp();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                fileSupportRequest("mail server down " + i);
            }
            await().atMost(SETTLE).until(() -> unsentEmails() >= REQUESTS
                    && gauge("notification-service", "desk_acknowledgement_waiting", "") >= REQUESTS);
        } finally {
            desk.mailbox().startSmtp();
        }
        await().atMost(SETTLE).until(() -> unsentEmails() == 0
                && gauge("notification-service", "desk_acknowledgement_waiting", "") == 0);
    }

    @Test
    void shouldShowEachServicesDeadLettersAndWorkersAndReportTheSenderAndRelayInReadiness() {
        // Another test may just have restarted the broker or the mail server: the workers pass again within seconds.
        await().atMost(SETTLE).untilAsserted(() -> {
            for (String service : DeskServices.DEFAULT_PORTS.keySet()) {
                double deadLetters = gauge(service, "desk_dead_letters", "topic=\"" + service + "-dlq\"");
                assertTrue(deadLetters >= 0, service + " has no dead-letter depth: " + deadLetters);
                double relayPass = gauge(service, "desk_worker_last_pass_age_seconds", "worker=\"outbox-relay\"");
                assertTrue(relayPass >= 0 && relayPass < 30, service + "'s relay last passed " + relayPass + " s ago");
            }
            double senderPass = gauge("notification-service", "desk_worker_last_pass_age_seconds",
                    "worker=\"email-sender\"");
            assertTrue(senderPass >= 0 && senderPass < 30, "the sender last passed " + senderPass + " s ago");
            RestAssured.get(desk.services().get("notification-service").managementUrl() + "/q/health/ready").then()
                    .statusCode(200).body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP"),
                            "checks.find { it.name == 'Email sender' }.status", equalTo("UP"));
        });
    }

    @Test
    void shouldServeEveryMetricTheDashboardAndTheAlertRulesRead() throws Exception {
        fileSupportRequest("a request for the HTTP metrics");
        Set<String> served = new TreeSet<>();
        for (String service : DeskServices.DEFAULT_PORTS.keySet()) {
            Matcher sample = Pattern.compile("(?m)^([a-z_]+)[{ ]").matcher(metrics(service));
            while (sample.find()) {
                served.add(sample.group(1));
            }
        }
        for (String file : List.of("deploy/grafana/publisher-desk-dashboard.json", "deploy/prometheus/alerts.yml")) {
            Matcher read = Pattern.compile("\\b(desk_[a-z_]+|http_server_[a-z_]+)\\b")
                    .matcher(Files.readString(RunningDesk.ROOT.resolve(file)));
            Set<String> unknown = new TreeSet<>();
            while (read.find()) {
                if (!served.contains(read.group(1))) {
                    unknown.add(read.group(1));
                }
            }
            assertTrue(unknown.isEmpty(), file + " reads metrics no service serves: " + unknown);
        }
    }

    private static void fileSupportRequest(String subject) {
        Map<String, Object> body = Map.of("topic", "inconsistent-statements", "subject", subject + " "
                + UUID.randomUUID(), "description", "Filed while a part of the desk is away.", "subscriptionId",
                "sub-1001");
        desk.asAdminOf("northwind").contentType(ContentType.JSON).body(body)
                .post(desk.url("request-intake") + "/v1/publishers/northwind/support-requests")
                .then().statusCode(202);
    }

    private static double unsentEmails() {
        return gauge("notification-service", "desk_emails", "state=\"pending\"")
                + gauge("notification-service", "desk_emails", "state=\"sending\"");
    }

    /** One sample of {@code service}'s metrics: the series of {@code name} whose labels include {@code label}. */
    private static double gauge(String service, String name, String label) {
        String text = metrics(service);
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
        while (sample.find()) {
            if (label.isEmpty() || sample.group(1) != null && sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError(service + " has no " + name + " {" + label + "}");
    }

    private static String metrics(String service) {
        return RestAssured.get(desk.services().get(service).managementUrl() + "/q/metrics").then().statusCode(200)
                .extract().asString();
    }
}
