package com.publisherdesk.validation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.BillingAddress;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.devstack.CloudEventRecords;
import com.publisherdesk.devstack.DevStackTestResource;
import com.publisherdesk.kit.inbox.ProcessedEvent;
import com.publisherdesk.kit.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class OwnershipCheckTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> verdicts;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        verdicts = kafka.consumeStrings().fromTopics("request-validations");
    }

    @AfterEach
    void close() {
        verdicts.close();
        kafka.close();
    }

    @Test
    void shouldConfirmASubscriptionOfThePublishersOfferForItsCustomerWhateverTheSpelling() {
        String requestId = submit("northwind", "sub-1001", "ALPINE bakery, S.A.R.L.");
        ConsumerRecord<String, String> verdict = awaitVerdict(requestId);
        assertEquals(Events.SUBSCRIPTION_CONFIRMED.name(), type(verdict));
    }

    @Test
    void shouldNotConfirmAnotherPublishersSubscription() throws Exception {
        assertNotConfirmed(submit("lumiere", "sub-1001", "Alpine Bakery SARL"), "other-publisher");
    }

    @Test
    void shouldNotConfirmAnUnknownSubscription() throws Exception {
        assertNotConfirmed(submit("northwind", "sub-9999", "Alpine Bakery SARL"), "unknown-subscription");
    }

    @Test
    void shouldNotConfirmAnotherCustomersName() throws Exception {
        assertNotConfirmed(submit("northwind", "sub-1001", "Contoso Pharmacy"), "customer-mismatch");
    }

    @Test
    void shouldPublishOneVerdictWhenTheSameRequestIsDeliveredAgain() {
        String requestId = UUID.randomUUID().toString();
        RequestSubmitted request = request(requestId, "northwind", "sub-1002", "Contoso Pharmacy");
        UUID eventId = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId, request, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId, request, eventId),
                CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId, request)));
        awaitVerdict(requestId);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.countAbout(requestId) == 2 && OutboxEvent.backlog() == 0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> verdicts.getRecords()
                .stream().filter(r -> requestId.equals(r.key())).count() == 1);
    }

    @Test
    void shouldConfirmASubscriptionValidationWithTheBillingAddressWrittenDifferently() {
        String requestId = validate("northwind", "sub-1002",
                new BillingAddress("350 fifth ave", null, "NEW YORK", "NY", "10118-0110", "USA"));
        assertEquals(Events.SUBSCRIPTION_CONFIRMED.name(), type(awaitVerdict(requestId)));
    }

    @Test
    void shouldNotConfirmAWrongHouseNumber() throws Exception {
        assertNotConfirmed(validate("northwind", "sub-1002",
                new BillingAddress("352 Fifth Avenue", null, "New York", "NY", "10118", "US")), "address-mismatch");
    }

    @Test
    void shouldNotConfirmAnotherPublishersSubscriptionEvenWithItsRightAddress() throws Exception {
        assertNotConfirmed(validate("lumiere", "sub-1002",
                new BillingAddress("350 Fifth Avenue", null, "New York", "NY", "10118", "US")), "other-publisher");
    }

    private String validate(String publisherId, String subscriptionId, BillingAddress address) {
        String requestId = UUID.randomUUID().toString();
        RequestSubmitted request = new RequestSubmitted(requestId, publisherId, Instant.now(),
                Instant.now().plusSeconds(86_400), "admin@example.com", new Recipients("Test", "billing@example.com",
                List.of(), "en"),
                new RequestDetails.SubscriptionValidation(new SubscriptionValidationDetails(subscriptionId, address)));
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId, request));
        return requestId;
    }

    private void assertNotConfirmed(String requestId, String reason) throws Exception {
        ConsumerRecord<String, String> verdict = awaitVerdict(requestId);
        assertEquals(Events.SUBSCRIPTION_NOT_CONFIRMED.name(), type(verdict));
        SubscriptionNotConfirmed event = EventJson.mapper().readValue(verdict.value(), SubscriptionNotConfirmed.class);
        assertEquals(reason, event.reasonCode());
    }

    private String submit(String publisherId, String subscriptionId, String customerName) {
        String requestId = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(CloudEventRecords.record(Events.REQUEST_SUBMITTED, requestId,
                request(requestId, publisherId, subscriptionId, customerName)));
        return requestId;
    }

    private ConsumerRecord<String, String> awaitVerdict(String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> verdicts.getRecords().stream()
                .filter(r -> requestId.equals(r.key())).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }

    static RequestSubmitted request(String requestId, String publisherId, String subscriptionId,
            String customerName) {
        LocalDate month = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        CreditRequestDetails credit = new CreditRequestDetails(subscriptionId, customerName, new BigDecimal("10.00"),
                "EUR", new DatePeriod(month, month.plusMonths(1).minusDays(1)), month.plusMonths(1),
                "service-outage", "test");
        return new RequestSubmitted(requestId, publisherId, Instant.now(), Instant.now().plusSeconds(86_400),
                "admin@example.com", new Recipients("Test", "billing@example.com", List.of(), "en"),
                new RequestDetails.Credit(credit, null));
    }
}
