package com.publisherdesk.intake.service;

import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.RequestDetails;
import com.publisherdesk.contracts.RequestSubmitted;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SupportRequestDetails;
import com.publisherdesk.contracts.SupportRequestRouted;
import com.publisherdesk.intake.DeskRequest;
import com.publisherdesk.intake.NewSupportRequest;
import com.publisherdesk.intake.Publisher;
import com.publisherdesk.intake.RequestStatus;
import com.publisherdesk.intake.TimelineEntry;
import com.publisherdesk.intake.service.RequestIntake.Accepted;
import com.publisherdesk.intake.support.SupportCatalog;
import com.publisherdesk.intake.support.SupportChannel;
import com.publisherdesk.intake.support.SupportTopic;
import com.publisherdesk.kit.outbox.Outbox;
import com.publisherdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Files support requests and routes each to the channel its topic names: the request, its {@code RequestSubmitted}
 * and its {@code SupportRequestRouted} on the channel's own topic are written in one transaction.
 */
@ApplicationScoped
@Transactional
public class SupportRequests {

    private final RequestIntake intake;
    private final SupportCatalog catalog;
    private final Outbox outbox;

    public SupportRequests(RequestIntake intake, SupportCatalog catalog, Outbox outbox) {
        this.intake = intake;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /** Files and routes a support request, or returns the one an earlier call with the same key filed. */
    public Routed submit(String publisherId, String submittedBy, String idempotencyKey, NewSupportRequest body) {
        SupportTopic topic = catalog.topic(body.topic()).orElseThrow(SupportRequests::unknownTopic);
        SupportChannel channel = catalog.channelOf(topic);
        Accepted accepted = intake.submit(publisherId, submittedBy, idempotencyKey, RequestTypes.SUPPORT,
                body.subscriptionId(), body, (request, publisher) -> route(request, publisher, topic, channel, body));
        return new Routed(accepted, topic, channel);
    }

    private RequestSubmitted route(DeskRequest request, Publisher publisher, SupportTopic topic,
            SupportChannel channel, NewSupportRequest body) {
        request.advanceTo(RequestStatus.ROUTED);
        TimelineEntry.record(request.id, request.submittedAt, "routed", "Routed to " + channel.name().get("en")
                + ": " + channel.answeredBy().get("en") + " answers, typically within "
                + channel.typicalResponseTime().get("en") + ".", "topic " + topic.id() + ", channel " + channel.id());
        outbox.publishTo(channel.kafkaTopic(), Events.SUPPORT_REQUEST_ROUTED, request.id.toString(),
                new SupportRequestRouted(request.id.toString(), publisher.id, topic.id(), channel.id(),
                        body.subject(), body.description(), body.subscriptionId(), body.customerName(),
                        request.submittedBy, publisher.recipients(), request.submittedAt));
        return new RequestSubmitted(request.id.toString(), publisher.id, request.submittedAt,
                request.acknowledgementDueBy, request.submittedBy, publisher.recipients(),
                new RequestDetails.Support(new SupportRequestDetails(topic.id(), topic.title(), channel.id(),
                channel.name(),
                        channel.answeredBy(), channel.typicalResponseTime(), body.subject(), body.description(),
                        body.subscriptionId(), body.customerName())));
    }

    private static ProblemException unknownTopic() {
        return ProblemException.invalid("topic", "must be one of the support topics listed at /v1/support-topics");
    }

    /**
     * A support request filed and routed.
     *
     * @param accepted the request as accepted
     * @param topic    the topic asked about
     * @param channel  the channel it went to
     */
    public record Routed(Accepted accepted, SupportTopic topic, SupportChannel channel) {
    }
}
