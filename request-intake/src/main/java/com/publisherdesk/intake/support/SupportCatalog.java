package com.publisherdesk.intake.support;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.Topics;
import com.publisherdesk.intake.config.SupportCatalogConfig;
import com.publisherdesk.kit.files.ShippedFile;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The routing catalog of support topics and the channels that answer them, read and checked at start (the shipped
 * {@code support/catalog.json}, or an operator's file): a catalog that does not hold together stops the service.
 */
@Startup
@ApplicationScoped
public class SupportCatalog {

    /** The languages every word meant for a publisher must exist in. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    static final String SHIPPED = "support/catalog.json";

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final String source;
    private final List<SupportTopic> topics;
    private final Map<String, SupportChannel> channels;

    @Inject
    public SupportCatalog(SupportCatalogConfig config) {
        this(config.catalogFile());
    }

    /** The operator's catalog when {@code file} names one, the shipped one otherwise. */
    public SupportCatalog(Optional<String> file) {
        this(ShippedFile.read(file, SHIPPED, "support catalog"));
    }

    private SupportCatalog(ShippedFile file) {
        this(file.content(), file.source());
    }

    /** A catalog from a file's content; {@code source} names it in error messages. */
    public SupportCatalog(byte[] content, String source) {
        this.source = source;
        Document document = parse(content);
        Map<String, SupportChannel> byId = new LinkedHashMap<>();
        Set<String> kafkaTopics = new HashSet<>();
        for (SupportChannel channel : orEmpty(document.channels())) {
            if (channel == null) {
                throw invalid("a channel entry is empty");
            }
            String id = checkId("channel", channel.id());
            if (byId.putIfAbsent(id, channel) != null) {
                throw invalid("channel id " + id + " is used twice");
            }
            checkKafkaTopic(channel, kafkaTopics);
            checkWords("channel " + id, "name", channel.name());
            checkWords("channel " + id, "answeredBy", channel.answeredBy());
            checkWords("channel " + id, "typicalResponseTime", channel.typicalResponseTime());
        }
        Set<String> topicIds = new HashSet<>();
        for (SupportTopic topic : orEmpty(document.topics())) {
            if (topic == null) {
                throw invalid("a topic entry is empty");
            }
            String id = checkId("topic", topic.id());
            if (!topicIds.add(id)) {
                throw invalid("topic id " + id + " is used twice");
            }
            if (!byId.containsKey(topic.channel())) {
                throw invalid("topic " + id + " names an unknown channel " + topic.channel() + " (known: "
                        + byId.keySet() + ")");
            }
            checkWords("topic " + id, "title", topic.title());
            checkWords("topic " + id, "description", topic.description());
        }
        if (topicIds.isEmpty()) {
            throw invalid("it lists no topic");
        }
        this.topics = List.copyOf(document.topics());
        this.channels = Map.copyOf(byId);
    }

    /** Every topic, in the catalog's order. */
    public List<SupportTopic> topics() {
        return topics;
    }

    /** The topic of this id, if the catalog has it. */
    public Optional<SupportTopic> topic(String id) {
        return topics.stream().filter(topic -> topic.id().equals(id)).findFirst();
    }

    /** The channel that handles a topic of this catalog. */
    public SupportChannel channelOf(SupportTopic topic) {
        return channels.get(topic.channel());
    }

    private String checkId(String what, String id) {
        if (id == null || !KEBAB_CASE.matcher(id).matches()) {
            throw invalid(what + " id " + id + " is not kebab-case (lowercase letters and digits joined by '-')");
        }
        return id;
    }

    private void checkKafkaTopic(SupportChannel channel, Set<String> seen) {
        String topic = channel.kafkaTopic();
        if (topic == null || !KAFKA_TOPIC.matcher(topic).matches()) {
            throw invalid("channel " + channel.id() + ": kafkaTopic " + topic + " is not a Kafka topic name");
        }
        if (Topics.DESK.contains(topic) || topic.endsWith("-dlq")) {
            throw invalid("channel " + channel.id() + ": kafkaTopic " + topic + " is one of the desk's own topics");
        }
        if (!seen.add(topic)) {
            throw invalid("channel " + channel.id() + ": kafkaTopic " + topic + " belongs to another channel");
        }
    }

    private void checkWords(String owner, String field, Map<String, String> words) {
        for (String language : LANGUAGES) {
            String text = words == null ? null : words.get(language);
            if (text == null || text.isBlank()) {
                throw invalid(owner + ": " + field + " in " + language + " is required");
            }
        }
    }

    private IllegalStateException invalid(String problem) {
        return new IllegalStateException("Support catalog " + source + ": " + problem);
    }

    private Document parse(byte[] content) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(content, Document.class);
        } catch (IOException e) {
            throw invalid("cannot be read: " + e.getMessage());
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }


    /**
     * The catalog file as written.
     *
     * @param channels the channels that answer
     * @param topics   the topics, each naming its channel
     */
    record Document(List<SupportChannel> channels, List<SupportTopic> topics) {
    }

    /** The value is the id of a topic of the routing catalog. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = KnownValidator.class)
    public @interface Known {

        String message() default "must be one of the support topics listed at /v1/support-topics";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks a topic id against the catalog in force. */
    @ApplicationScoped
    public static class KnownValidator implements ConstraintValidator<Known, String> {

        private final SupportCatalog catalog;

        public KnownValidator(SupportCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || catalog.topic(value).isPresent();
        }
    }
}
