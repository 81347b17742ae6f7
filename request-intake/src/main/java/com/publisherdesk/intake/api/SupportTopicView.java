package com.publisherdesk.intake.api;

import java.util.Map;

import com.publisherdesk.intake.support.SupportChannel;
import com.publisherdesk.intake.support.SupportTopic;

/**
 * A support topic as publishers read it, with the channel that answers it; words are by language code.
 *
 * @param id          what to send as {@code topic}
 * @param title       a short title
 * @param description what it covers, in one line
 * @param channel     where requests on it go
 */
public record SupportTopicView(String id, Map<String, String> title, Map<String, String> description,
        ChannelView channel) {

    public static SupportTopicView of(SupportTopic topic, SupportChannel channel) {
        return new SupportTopicView(topic.id(), topic.title(), topic.description(), ChannelView.of(channel));
    }

    /**
     * A channel as publishers read it.
     *
     * @param id                  its stable id
     * @param name                its name
     * @param answeredBy          who answers
     * @param typicalResponseTime how soon it typically answers
     */
    public record ChannelView(String id, Map<String, String> name, Map<String, String> answeredBy,
            Map<String, String> typicalResponseTime) {

        public static ChannelView of(SupportChannel channel) {
            return new ChannelView(channel.id(), channel.name(), channel.answeredBy(), channel.typicalResponseTime());
        }
    }
}
