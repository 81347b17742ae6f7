package com.publisherdesk.notification.webhook.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;

/**
 * The event types a publisher may have sent to its webhooks, by the topic they arrive on. Subscription verdicts are
 * not offered (a refusal's reason code is the desk's own; the validation's answer is on {@code result.sent.v1}), nor
 * routed support requests (the channel team's).
 */
public final class WebhookEvents {

    public static final List<EventType<?>> ON_REQUESTS = List.of(Events.REQUEST_SUBMITTED, Events.CREDIT_AUTHORIZED);
    public static final List<EventType<?>> ON_CREDIT_DECISIONS = List.of(Events.CREDIT_APPROVED,
            Events.CREDIT_AWAITING_AUTHORIZATION, Events.CREDIT_DENIED, Events.CREDIT_REVIEW_REQUIRED);
    public static final List<EventType<?>> ON_NOTIFICATIONS = List.of(Events.ACKNOWLEDGEMENT_SENT, Events.RESULT_SENT,
            Events.EMAIL_FAILED, Events.ACKNOWLEDGEMENT_DEADLINE_WARNING, Events.ACKNOWLEDGEMENT_DEADLINE_BREACHED,
            Events.ACKNOWLEDGEMENT_DEADLINE_MET);
    /** Every type offered, by name. */
    public static final Set<String> OFFERED = offered();

    private WebhookEvents() {
    }

    private static Set<String> offered() {
        List<EventType<?>> all = new ArrayList<>(ON_REQUESTS);
        all.addAll(ON_CREDIT_DECISIONS);
        all.addAll(ON_NOTIFICATIONS);
        return all.stream().map(EventType::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
