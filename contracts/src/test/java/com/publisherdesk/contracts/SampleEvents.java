package com.publisherdesk.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One fixed sample of every event, the source of the golden fixtures. */
final class SampleEvents {

    static final String REQUEST_ID = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final Instant AT = Instant.parse("2026-11-24T09:15:30Z");
    static final PolicyRuling RULING = new PolicyRuling("approve",
            "The amount is within what was billed for the period and under the auto-approval threshold.",
            "sha256:4a7d1ed4", Map.of("en", "The amount is within what was billed for the period and under the "
                    + "auto-approval threshold.", "fr", "Le montant reste dans ce qui a été facturé pour la période "
                    + "et sous le seuil d'approbation automatique."));

    private SampleEvents() {
    }

    static Map<EventType<?>, Object> all() {
        return Map.ofEntries(
                Map.entry(Events.REQUEST_SUBMITTED, requestSubmitted()),
                Map.entry(Events.SUBSCRIPTION_CONFIRMED,
                        new SubscriptionConfirmed(REQUEST_ID, "northwind", "sub-1001", AT, "credit")),
                Map.entry(Events.SUBSCRIPTION_NOT_CONFIRMED,
                        new SubscriptionNotConfirmed(REQUEST_ID, "northwind", "sub-1001", "customer-mismatch", AT,
                                "credit")),
                Map.entry(Events.CREDIT_APPROVED, new CreditApproved(REQUEST_ID, "northwind", "sub-1001", RULING,
                        "CN-2026-000042", new BigDecimal("120.00"), "EUR", AT)),
                Map.entry(Events.CREDIT_AUTHORIZED, new CreditAuthorized(REQUEST_ID, "northwind",
                        new CreditAuthorization(CreditAuthorization.REQUEST, "admin@northwind.example", AT))),
                Map.entry(Events.CREDIT_AWAITING_AUTHORIZATION, new CreditAwaitingAuthorization(REQUEST_ID,
                        "northwind", "sub-1001", RULING, new BigDecimal("120.00"), "EUR", AT)),
                Map.entry(Events.CREDIT_DENIED, new CreditDenied(REQUEST_ID, "northwind", "sub-1001", RULING, AT)),
                Map.entry(Events.CREDIT_REVIEW_REQUIRED,
                        new CreditReviewRequired(REQUEST_ID, "northwind", "sub-1001", RULING, AT)),
                Map.entry(Events.ACKNOWLEDGEMENT_SENT, new AcknowledgementSent(REQUEST_ID,
                        "<" + REQUEST_ID + ".acknowledgement@publisherdesk>", List.of("billing@northwind.example"), AT,
                        true)),
                Map.entry(Events.RESULT_SENT, new ResultSent(REQUEST_ID, "<" + REQUEST_ID + ".result@publisherdesk>",
                        "approved", List.of("billing@northwind.example"), AT)),
                Map.entry(Events.EMAIL_FAILED, new EmailFailed(REQUEST_ID, "acknowledgement",
                        "<" + REQUEST_ID + ".acknowledgement@publisherdesk>", "550 5.1.1 mailbox unavailable", AT)),
                Map.entry(Events.ACKNOWLEDGEMENT_DEADLINE_WARNING, new AcknowledgementDeadlineWarning(REQUEST_ID,
                        "northwind", AT.plusSeconds(86_400), AT.plusSeconds(69_120))),
                Map.entry(Events.ACKNOWLEDGEMENT_DEADLINE_BREACHED, new AcknowledgementDeadlineBreached(REQUEST_ID,
                        "northwind", AT.plusSeconds(86_400), AT.plusSeconds(86_401))),
                Map.entry(Events.ACKNOWLEDGEMENT_DEADLINE_MET, new AcknowledgementDeadlineMet(REQUEST_ID,
                        "northwind", AT.plusSeconds(86_400), AT.plusSeconds(2))),
                Map.entry(Events.SUPPORT_REQUEST_ROUTED, new SupportRequestRouted(REQUEST_ID, "northwind",
                        "inconsistent-statements", "billing-support", "October usage does not match the invoice",
                        "The usage report shows 1,200 hours for sub-1001 but the invoice bills 1,400.", "sub-1001",
                        "Alpine Bakery SARL", "admin@northwind.example", new Recipients("Northwind Apps",
                                "billing@northwind.example", List.of("ops@northwind.example"), "en"), AT)));
    }

    /**
     * Further shapes of some events (a request of another type, a decision by a support agent), each pinned by a
     * fixture of its own, by fixture name ({@code <type>.<variant>}).
     */
    static Map<String, Map.Entry<EventType<?>, Object>> variants() {
        var recipients = new Recipients("Lumière Logiciels SAS", "facturation@lumiere.example",
                List.of("admin@lumiere.example", "ops@lumiere.example"), "fr");
        var review = new AgentReview("agent@desk.example", AgentReview.APPROVED,
                "Confirmed the outage with the customer's incident ticket; the amount matches four days.", AT);
        var denial = new AgentReview("agent@desk.example", AgentReview.DENIED,
                "The outage was on the customer's side, not the publisher's service.", AT);
        var sentToReview = new PolicyRuling("review-above-threshold", "The amount is above the auto-approval "
                + "threshold of 500.00; a support agent decides.", "sha256:4a7d1ed4");
        return Map.ofEntries(
                variant(Events.CREDIT_APPROVED, "reviewed", new CreditApproved(REQUEST_ID, "northwind", "sub-1002",
                        sentToReview, "CN-2026-000043", new BigDecimal("800.00"), "USD", AT, review)),
                variant(Events.CREDIT_AWAITING_AUTHORIZATION, "reviewed", new CreditAwaitingAuthorization(REQUEST_ID,
                        "northwind", "sub-1002", sentToReview, new BigDecimal("800.00"), "USD", AT, review)),
                variant(Events.CREDIT_DENIED, "reviewed", new CreditDenied(REQUEST_ID, "northwind", "sub-1002",
                        sentToReview, AT, denial)),
                variant(Events.REQUEST_SUBMITTED, "profile-change", new RequestSubmitted(REQUEST_ID, "lumiere", AT,
                        AT.plusSeconds(86_400), "admin@lumiere.example", recipients,
                        new RequestDetails.ProfileChange(new ProfileChangeDetails(List.of(
                                new FieldChange("contactEmail", "compta@lumiere.example",
                                        "facturation@lumiere.example"),
                                new FieldChange("phone", null, "+33 5 56 00 00 00"),
                                new FieldChange(FieldChange.CREDIT_CONSENT, FieldChange.NOT_GIVEN,
                                        FieldChange.GIVEN)))))),
                variant(Events.REQUEST_SUBMITTED, "admin-change", new RequestSubmitted(REQUEST_ID, "lumiere", AT,
                        AT.plusSeconds(86_400), "admin@lumiere.example", recipients,
                        new RequestDetails.AdminChange(new AdminChangeDetails(AdminChangeDetails.REMOVED,
                                "ops@lumiere.example")))),
                variant(Events.REQUEST_SUBMITTED, "support", new RequestSubmitted(REQUEST_ID, "lumiere", AT,
                        AT.plusSeconds(86_400), "admin@lumiere.example", recipients,
                        new RequestDetails.Support(new SupportRequestDetails(
                                "change-seller-account", Map.of("en", "Change the account tied to the seller account",
                                        "fr", "Changer le compte lié au compte vendeur"), "developer-account",
                                Map.of("en", "Developer account support", "fr", "Support des comptes développeur"),
                                Map.of("en", "the developer account team", "fr", "l'équipe des comptes développeur"),
                                Map.of("en", "3 business days", "fr", "3 jours ouvrés"),
                                "Move our seller account to a new company account",
                                "We merged with another company and want our offers under its account.", null,
                                null)))));
    }

    /** A variant of {@code type} pinned by the fixture {@code <type>.<name>.json}. */
    private static Map.Entry<String, Map.Entry<EventType<?>, Object>> variant(EventType<?> type, String name,
            Object sample) {
        return Map.entry(type.name() + "." + name, Map.entry(type, sample));
    }

    static RequestSubmitted requestSubmitted() {
        var credit = new CreditRequestDetails("sub-1001", "Alpine Bakery SARL", new BigDecimal("120.00"), "EUR",
                new DatePeriod(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")),
                LocalDate.parse("2026-11-01"), "service-outage", "Four days of outage in October.");
        var recipients = new Recipients("Northwind Apps", "billing@northwind.example",
                List.of("ops@northwind.example"), "fr");
        return new RequestSubmitted(REQUEST_ID, "northwind", AT, AT.plusSeconds(86_400), "admin@northwind.example",
                recipients, new RequestDetails.Credit(credit, new CreditAuthorization(
                        CreditAuthorization.STANDING_CONSENT, "admin@northwind.example", AT.minusSeconds(864_000))));
    }
}
