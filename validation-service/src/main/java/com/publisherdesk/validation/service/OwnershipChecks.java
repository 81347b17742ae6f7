package com.publisherdesk.validation.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.validation.AddressMatcher;
import com.publisherdesk.validation.Names;
import com.publisherdesk.validation.NotConfirmedReason;
import com.publisherdesk.validation.OwnershipCheck;
import com.publisherdesk.validation.Subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Confirms a request's subscription: for a credit, that it belongs to the named customer and to one of the
 * publisher's offers; for a subscription validation, that it is one of the publisher's and that the billing address
 * given is the one on record. The verdict's reason is kept for the desk's audit; publishers only see the verdict.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class OwnershipChecks {

    private final Outbox outbox;

    public OwnershipChecks(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Checks a submitted credit request or subscription validation once and publishes the verdict. */
    public void onRequestSubmitted(RequestSubmitted request) {
        UUID requestId = UUID.fromString(request.requestId());
        if (request.details() instanceof RequestDetails.Credit submitted) {
            CreditRequestDetails credit = submitted.request();
            record(requestId, request, credit.subscriptionId(), verdict(request.publisherId(), credit.subscriptionId(),
                    subscription -> Names.same(subscription.customer.name, credit.customerName()),
                    NotConfirmedReason.CUSTOMER_MISMATCH));
        } else if (request.details() instanceof RequestDetails.SubscriptionValidation submitted) {
            SubscriptionValidationDetails validation = submitted.validation();
            record(requestId, request, validation.subscriptionId(), verdict(request.publisherId(),
                    validation.subscriptionId(),
                    subscription -> AddressMatcher.matches(subscription, validation.billingAddress()),
                    NotConfirmedReason.ADDRESS_MISMATCH));
        }
    }

    /** Whether the ownership check of a credit request would confirm it; nothing is recorded. */
    @Transactional(TxType.REQUIRED)
    public boolean confirmsCredit(String publisherId, String subscriptionId, String customerName) {
        return verdict(publisherId, subscriptionId, subscription -> Names.same(subscription.customer.name,
                customerName), NotConfirmedReason.CUSTOMER_MISMATCH).isEmpty();
    }

    private static Optional<NotConfirmedReason> verdict(String publisherId, String subscriptionId,
            Predicate<Subscription> belongs, NotConfirmedReason otherwise) {
        Optional<Subscription> subscription = Subscription.byId(subscriptionId);
        if (subscription.isEmpty()) {
            return Optional.of(NotConfirmedReason.UNKNOWN_SUBSCRIPTION);
        }
        if (!subscription.get().belongsToPublisher(publisherId)) {
            return Optional.of(NotConfirmedReason.OTHER_PUBLISHER);
        }
        return belongs.test(subscription.get()) ? Optional.empty() : Optional.of(otherwise);
    }

    private void record(UUID requestId, RequestSubmitted request, String subscriptionId,
            Optional<NotConfirmedReason> reason) {
        OwnershipCheck check = new OwnershipCheck();
        check.requestId = requestId;
        check.publisherId = request.publisherId();
        check.subscriptionId = subscriptionId;
        check.confirmed = reason.isEmpty();
        check.reasonCode = reason.map(NotConfirmedReason::code).orElse(null);
        check.checkedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!check.recordIfFirst()) {
            return;
        }
        if (check.confirmed) {
            outbox.publish(Events.SUBSCRIPTION_CONFIRMED, request.requestId(), new SubscriptionConfirmed(
                    request.requestId(), check.publisherId, check.subscriptionId, check.checkedAt, request.type()));
        } else {
            outbox.publish(Events.SUBSCRIPTION_NOT_CONFIRMED, request.requestId(), new SubscriptionNotConfirmed(
                    request.requestId(), check.publisherId, check.subscriptionId, check.reasonCode, check.checkedAt,
                    request.type()));
        }
    }
}
