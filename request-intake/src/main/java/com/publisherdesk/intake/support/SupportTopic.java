package com.publisherdesk.intake.support;

import java.util.Map;

/**
 * Something a publisher may ask the desk about, and the channel that handles it; words are by language code.
 *
 * @param id          stable, kebab-case: what a publisher sends as {@code topic}
 * @param channel     the id of the channel that handles it
 * @param title       a short title
 * @param description one line on what it covers
 */
public record SupportTopic(String id, String channel, Map<String, String> title, Map<String, String> description) {
}
