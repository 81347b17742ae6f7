package com.publisherdesk.notification.mail;

import java.util.Map;

import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SupportRequestDetails;

import io.quarkus.qute.TemplateData;

/**
 * Everything the acknowledgement of a support request prints, in the publisher's language: the topic, and the
 * channel it was routed to with who answers and how soon, typically (that team answers; the desk sends no result).
 *
 * @param publisherName  who the email greets
 * @param requestId      the request's full id
 * @param reference      the short reference in the subject
 * @param submittedAt    when the desk received it, formatted
 * @param topic          the topic's title
 * @param subject        the publisher's subject
 * @param subscriptionId the customer's subscription, if any
 * @param customerName   the customer, if any
 * @param channel        the channel's name
 * @param answeredBy     who answers
 * @param responseTime   how soon, typically
 */
@TemplateData
public record SupportContent(String publisherName, String requestId, String reference, String submittedAt,
        String topic, String subject, String subscriptionId, String customerName, String channel, String answeredBy,
        String responseTime) {

    /** Whether requests of this type are support requests, told by this content. */
    public static boolean isAbout(String requestType) {
        return RequestTypes.SUPPORT.equals(requestType);
    }

    /** The content of a support request, for the greeting and date already worded by the composer. */
    static SupportContent of(SupportRequestDetails support, String language, String publisherName, String requestId,
            String submittedAt) {
        return new SupportContent(publisherName, requestId, requestId.substring(0, 8), submittedAt,
                in(support.topicTitle(), language), support.subject(), support.subscriptionId(),
                support.customerName(), in(support.channelName(), language), in(support.answeredBy(), language),
                in(support.typicalResponseTime(), language));
    }

    /** The subject after the reference. */
    String subjectLine(String language) {
        return (language.equals("fr") ? "Nous avons bien reçu votre demande d'assistance : "
                : "We received your support request: ") + topic;
    }

    private static String in(Map<String, String> words, String language) {
        return words.getOrDefault(language, words.get("en"));
    }
}
