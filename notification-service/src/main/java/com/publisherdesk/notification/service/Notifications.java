package com.publisherdesk.notification.service;

import java.util.UUID;

import com.publisherdesk.contracts.AgentReview;
import com.publisherdesk.contracts.CreditApproved;
import com.publisherdesk.contracts.CreditAwaitingAuthorization;
import com.publisherdesk.contracts.CreditDenied;
import com.publisherdesk.contracts.CreditReviewRequired;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.PolicyRuling;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionConfirmed;
import com.publisherdesk.contracts.SubscriptionNotConfirmed;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.NotifiedRequest;
import com.publisherdesk.notification.mail.AccountChange;
import com.publisherdesk.notification.mail.EmailSender;
import com.publisherdesk.notification.mail.ResultDetails;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Records the emails each request is owed: an acknowledgement when it arrives, a result once it is decided (an account
 * change or a support request is never decided here, so its acknowledgement is its one email), and a request for
 * authorization when an approved credit waits for it.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Notifications {

    private final EmailSender sender;
    private final DeadlineWatcher deadlines;
    private final TransactionSynchronizationRegistry transactions;

    public Notifications(EmailSender sender, DeadlineWatcher deadlines,
            TransactionSynchronizationRegistry transactions) {
        this.sender = sender;
        this.deadlines = deadlines;
        this.transactions = transactions;
    }

    public void onRequestSubmitted(RequestSubmitted event) {
        NotifiedRequest request = toNotify(event);
        deadlines.startClock(request);
        request.insertIfNew();
        owe(request.requestId, EmailKind.ACKNOWLEDGEMENT, null, null);
    }

    /** The request the desk will write about: whom to tell, in which language, by when, and what to summarize. */
    static NotifiedRequest toNotify(RequestSubmitted event) {
        NotifiedRequest request = new NotifiedRequest();
        request.requestId = UUID.fromString(event.requestId());
        request.publisherId = event.publisherId();
        request.type = event.type();
        request.publisherName = event.recipients().publisherName();
        request.language = event.recipients().language();
        request.toAddress = event.recipients().to();
        request.ccAddresses = String.join(",", event.recipients().cc());
        request.submittedAt = event.submittedAt();
        request.acknowledgementDueBy = event.acknowledgementDueBy();
        request.details = details(event);
        return request;
    }

    public void onApproved(CreditApproved event) {
        owe(UUID.fromString(event.requestId()), EmailKind.RESULT, "approved", json(new ResultDetails(
                event.ruling().ruleId(), event.ruling().explanation(), event.creditNoteNumber(), event.amount(),
                event.currency(), event.ruling().explanations(), noteOf(event.review()))));
    }

    /** The credit note waits for the publisher's authorization: ask for it, once; the result follows it. */
    public void onAwaitingAuthorization(CreditAwaitingAuthorization event) {
        owe(UUID.fromString(event.requestId()), EmailKind.AUTHORIZATION, "authorization-needed",
                json(new ResultDetails(event.ruling().ruleId(), event.ruling().explanation(), null, event.amount(),
                        event.currency(), event.ruling().explanations(), noteOf(event.review()))));
    }

    /** A subscription validation's answer is its result; a credit's verdict is only a step towards its decision. */
    public void onConfirmed(SubscriptionConfirmed event) {
        if (RequestTypes.SUBSCRIPTION_VALIDATION.equals(event.requestType())) {
            owe(UUID.fromString(event.requestId()), EmailKind.RESULT, "confirmed", null);
        }
    }

    public void onNotConfirmed(SubscriptionNotConfirmed event) {
        if (RequestTypes.SUBSCRIPTION_VALIDATION.equals(event.requestType())) {
            owe(UUID.fromString(event.requestId()), EmailKind.RESULT, "not-confirmed", null);
        }
    }

    public void onDenied(CreditDenied event) {
        owe(UUID.fromString(event.requestId()), EmailKind.RESULT, "denied", json(details(event.ruling(),
                noteOf(event.review()))));
    }

    /** A support agent will decide: the publisher is told so; the result email follows the agent's decision. */
    public void onReviewRequired(CreditReviewRequired event) {
        owe(UUID.fromString(event.requestId()), EmailKind.REVIEW, "review", json(details(event.ruling(), null)));
    }

    private void owe(UUID requestId, EmailKind kind, String outcome, String result) {
        if (Email.owe(requestId, kind, outcome, result)) {
            sender.wakeAfterCommit(transactions);
        }
    }

    /**
     * What the acknowledgement summarizes: the credit, the validation, the change made to the account, or the support
     * request and where it went.
     */
    private static String details(RequestSubmitted event) {
        RequestDetails details = event.details();
        if (details instanceof RequestDetails.Credit credit) {
            return json(credit.request());
        } else if (details instanceof RequestDetails.SubscriptionValidation validation) {
            return json(validation.validation());
        } else if (details instanceof RequestDetails.ProfileChange profile) {
            return json(new AccountChange(event.submittedBy(), profile.change(), null));
        } else if (details instanceof RequestDetails.AdminChange admin) {
            return json(new AccountChange(event.submittedBy(), null, admin.change()));
        }
        return json(((RequestDetails.Support) details).support());
    }

    private static ResultDetails details(PolicyRuling ruling, String reviewNote) {
        return new ResultDetails(ruling.ruleId(), ruling.explanation(), null, null, null, ruling.explanations(),
                reviewNote);
    }

    private static String noteOf(AgentReview review) {
        return review == null ? null : review.note();
    }

    private static String json(Object value) {
        return EventJson.write(value);
    }

}
