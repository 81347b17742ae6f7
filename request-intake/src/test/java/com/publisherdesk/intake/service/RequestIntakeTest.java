package com.publisherdesk.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.publisherdesk.contracts.CreditAuthorization;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.NewSubscriptionValidation;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.intake.api.CreditRequestBody;
import com.publisherdesk.kit.api.Period;

/** How a request is dated and what it keeps, under a fixed clock, without a database. */
class RequestIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:15:30.123456789Z");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final RequestIntake intake = new RequestIntake(null, JSON, null, () -> Duration.ofHours(24),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final CreditRequestBody body = new CreditRequestBody("sub-1001", "Alpine Bakery SARL", "120.00", "EUR",
            new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")), LocalDate.parse("2026-11-01"),
            new CreditRequestBody.Reason("service-outage", "Down for three days"));

    @Test
    void aRequestIsSubmittedWhenTheClockSaysAndItsAcknowledgementIsDueOneWindowLater() {
        DeskRequest request = intake.newRequest(publisher(null), "ops@northwind.example",
                RequestTypes.SUBSCRIPTION_VALIDATION, "sub-1001", new NewSubscriptionValidation("sub-1001", null),
                "{}");

        assertEquals(Instant.parse("2026-11-02T09:15:30.123456Z"), request.submittedAt);
        assertEquals(Instant.parse("2026-11-03T09:15:30.123456Z"), request.acknowledgementDueBy);
        assertEquals(RequestStatus.SUBMITTED, request.status);
        assertEquals("ops@northwind.example", request.submittedBy);
        assertNull(request.periodFrom);
    }

    @Test
    void aCreditRequestKeepsItsPeriodAndThePublishersStandingConsent() {
        Instant consentedAt = Instant.parse("2026-01-05T10:00:00Z");
        DeskRequest request = intake.newRequest(publisher(consentedAt), "ops@northwind.example", RequestTypes.CREDIT,
                "sub-1001", body.toRequest(), "{}");

        assertEquals(LocalDate.parse("2026-10-01"), request.periodFrom);
        assertEquals(LocalDate.parse("2026-10-31"), request.periodTo);
        assertEquals(CreditAuthorization.STANDING_CONSENT, request.creditAuthorizationKind);
        assertEquals("owner@northwind.example", request.creditAuthorizedBy);
        assertEquals(consentedAt, request.creditAuthorizedAt);
    }

    @Test
    void aCreditRequestWithoutStandingConsentWaitsForAnAuthorization() {
        DeskRequest request = intake.newRequest(publisher(null), "ops@northwind.example", RequestTypes.CREDIT,
                "sub-1001", body.toRequest(), "{}");

        assertNull(request.creditAuthorizationKind);
        assertNull(request.creditAuthorizedBy);
    }

    @Test
    void aCreditRequestKeepsItsFieldsExactlyAsTheBodyFiledThem() throws Exception {
        assertEquals(JSON.writeValueAsString(body), intake.toJson(body.toRequest()));
    }

    private static Publisher publisher(Instant consentedAt) {
        Publisher publisher = new Publisher();
        publisher.id = "northwind";
        if (consentedAt != null) {
            publisher.creditConsentGivenBy = "owner@northwind.example";
            publisher.creditConsentGivenAt = consentedAt;
        }
        return publisher;
    }
}
