package com.publisherdesk.validation.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.validation.Names;
import com.publisherdesk.validation.NotConfirmedReason;
import com.publisherdesk.validation.OwnershipCheck;
import com.publisherdesk.validation.Subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Confirms that a credit request's subscription belongs to the named customer and to one of the publisher's offers. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class OwnershipChecks {

    private final Outbox outbox;

    public OwnershipChecks(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Checks a submitted credit request once and publishes the verdict; other request types are not checked here. */
    public void onRequestSubmitted(RequestSubmitted request) {
        if (!RequestTypes.CREDIT.equals(request.type()) || request.credit() == null) {
            return;
        }
        UUID requestId = UUID.fromString(request.requestId());
        if (OwnershipCheck.existsFor(requestId)) {
            return;
        }
        Optional<NotConfirmedReason> reason = verdict(request.publisherId(), request.credit());
        record(requestId, request, reason);
    }

    private static Optional<NotConfirmedReason> verdict(String publisherId, CreditRequestDetails credit) {
        Optional<Subscription> subscription = Subscription.byId(credit.subscriptionId());
        if (subscription.isEmpty()) {
            return Optional.of(NotConfirmedReason.UNKNOWN_SUBSCRIPTION);
        }
        if (!subscription.get().belongsToPublisher(publisherId)) {
            return Optional.of(NotConfirmedReason.OTHER_PUBLISHER);
        }
        if (!Names.same(subscription.get().customer.name, credit.customerName())) {
            return Optional.of(NotConfirmedReason.CUSTOMER_MISMATCH);
        }
        return Optional.empty();
    }

    private void record(UUID requestId, RequestSubmitted request, Optional<NotConfirmedReason> reason) {
        OwnershipCheck check = new OwnershipCheck();
        check.requestId = requestId;
        check.publisherId = request.publisherId();
        check.subscriptionId = request.credit().subscriptionId();
        check.confirmed = reason.isEmpty();
        check.reasonCode = reason.map(NotConfirmedReason::code).orElse(null);
        check.checkedAt = Instant.now();
        check.persist();
        if (check.confirmed) {
            outbox.publish(Events.SUBSCRIPTION_CONFIRMED, request.requestId(), new SubscriptionConfirmed(
                    request.requestId(), check.publisherId, check.subscriptionId, check.checkedAt));
        } else {
            outbox.publish(Events.SUBSCRIPTION_NOT_CONFIRMED, request.requestId(), new SubscriptionNotConfirmed(
                    request.requestId(), check.publisherId, check.subscriptionId, check.reasonCode, check.checkedAt));
        }
    }
}
