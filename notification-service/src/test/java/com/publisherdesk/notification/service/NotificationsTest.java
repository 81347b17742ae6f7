package com.publisherdesk.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.DatePeriod;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.contracts.ProfileChangeDetails;
import com.publisherdesk.contracts.Recipients;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.notification.NotifiedRequest;

/** Whom a new request's emails go to, by when, and what they summarize, from fixed times, without a database. */
class NotificationsTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Recipients RECIPIENTS = new Recipients("Northwind Traders", "contact@northwind.example",
            List.of("ops@northwind.example", "billing@northwind.example"), "fr");
    private static final CreditRequestDetails CREDIT = new CreditRequestDetails("sub-1001", "Alpine Bakery SARL",
            new BigDecimal("120.00"), "EUR", new DatePeriod(LocalDate.parse("2026-10-01"),
                    LocalDate.parse("2026-10-31")), LocalDate.parse("2026-11-01"), "service-outage", "Down 3 days");

    @Test
    void aNewRequestIsWrittenToItsContactCopyingItsAdministratorsInItsLanguage() {
        NotifiedRequest request = Notifications.toNotify(submitted(new RequestDetails.Credit(CREDIT, null)));

        assertEquals("contact@northwind.example", request.toAddress);
        assertEquals(List.of("ops@northwind.example", "billing@northwind.example"), request.cc());
        assertEquals("fr", request.language);
        assertEquals("Northwind Traders", request.publisherName);
        assertEquals("credit", request.type);
    }

    @Test
    void theWarningFallsAtItsShareOfTheWindowFromSubmission() {
        NotifiedRequest request = Notifications.toNotify(submitted(new RequestDetails.Credit(CREDIT, null)));

        request.startClock(0.8);

        assertEquals(SUBMITTED, request.submittedAt);
        assertEquals(SUBMITTED.plus(Duration.ofHours(24)), request.acknowledgementDueBy);
        assertEquals(SUBMITTED.plus(Duration.ofMinutes(19 * 60 + 12)), request.warnAt);
    }

    @Test
    void aCreditsAcknowledgementSummarizesTheCreditAsFiled() throws Exception {
        NotifiedRequest request = Notifications.toNotify(submitted(new RequestDetails.Credit(CREDIT, null)));

        assertEquals(EventJson.mapper().writeValueAsString(CREDIT), request.details);
    }

    @Test
    void aProfileChangesAcknowledgementSaysWhoChangedWhat() throws Exception {
        ProfileChangeDetails change = new ProfileChangeDetails(List.of(new FieldChange("phone", "+33 1", "+33 2")));

        NotifiedRequest request = Notifications.toNotify(submitted(new RequestDetails.ProfileChange(change)));

        assertEquals("ops@northwind.example", EventJson.mapper().readTree(request.details).get("changedBy").asText());
        assertEquals("phone", EventJson.mapper().readTree(request.details).at("/profile/changes/0/field").asText());
    }

    private static RequestSubmitted submitted(RequestDetails details) {
        return new RequestSubmitted(UUID.randomUUID().toString(), "northwind", SUBMITTED,
                SUBMITTED.plus(Duration.ofHours(24)), "ops@northwind.example", RECIPIENTS, details);
    }
}
