package com.publisherdesk.notification.service;

import java.time.Instant;
import java.util.List;

import com.publisherdesk.contracts.AcknowledgementSent;
import com.publisherdesk.contracts.EmailFailed;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.ResultSent;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.NotifiedRequest;
import com.publisherdesk.notification.mail.EmailEvents;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes what became of a request's emails, in the transaction that records it: the acknowledgement sent (and the
 * acknowledgement clock stopped), the result sent, an email refused for good.
 */
@ApplicationScoped
public class SentEmailEvents implements EmailEvents {

    private final Outbox outbox;
    private final DeadlineWatcher deadlines;

    public SentEmailEvents(Outbox outbox, DeadlineWatcher deadlines) {
        this.outbox = outbox;
        this.deadlines = deadlines;
    }

    @Override
    public void sent(Email email, NotifiedRequest about, List<String> recipients, Instant sentAt) {
        String requestId = email.requestId.toString();
        if (email.kind == EmailKind.ACKNOWLEDGEMENT) {
            outbox.publish(Events.ACKNOWLEDGEMENT_SENT, requestId, new AcknowledgementSent(requestId,
                    email.messageId, recipients, sentAt, !sentAt.isAfter(about.acknowledgementDueBy)));
            deadlines.acknowledged(about, sentAt);
        } else if (email.kind == EmailKind.RESULT) {
            outbox.publish(Events.RESULT_SENT, requestId,
                    new ResultSent(requestId, email.messageId, email.outcome, recipients, sentAt));
        }
    }

    @Override
    public void refused(Email email, String error, Instant at) {
        outbox.publish(Events.EMAIL_FAILED, email.requestId.toString(), new EmailFailed(email.requestId.toString(),
                email.kind.wire(), email.messageId, error, at));
    }
}
