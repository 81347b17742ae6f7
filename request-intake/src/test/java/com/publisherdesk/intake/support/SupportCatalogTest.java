package com.publisherdesk.intake.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportCatalogTest {

    private static final String CHANNEL = """
            {"id": "billing-support", "kafkaTopic": "support-billing",
             "name": {"en": "Billing support", "fr": "Support facturation"},
             "answeredBy": {"en": "the billing team", "fr": "l'équipe facturation"},
             "typicalResponseTime": {"en": "2 business days", "fr": "2 jours ouvrés"}}""";
    private static final String TOPIC = """
            {"id": "billing-error", "channel": "billing-support",
             "title": {"en": "Billing error", "fr": "Erreur de facturation"},
             "description": {"en": "Billed wrongly.", "fr": "Mal facturé."}}""";

    @Test
    void shouldRouteTheShippedTopicsToTheBillingAndDeveloperAccountChannels() {
        SupportCatalog catalog = new SupportCatalog(Optional.empty());
        for (String billing : new String[] {"billing-error", "inconsistent-statements", "understanding-statement"}) {
            SupportChannel channel = catalog.channelOf(catalog.topic(billing).orElseThrow());
            assertEquals("support-billing", channel.kafkaTopic(), billing);
        }
        for (String developer : new String[] {"manage-web-services", "change-seller-account"}) {
            SupportChannel channel = catalog.channelOf(catalog.topic(developer).orElseThrow());
            assertEquals("support-developer-account", channel.kafkaTopic(), developer);
        }
    }

    @Test
    void shouldReadAnOperatorsCatalogFromTheFileTheSettingNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, catalog(CHANNEL, TOPIC));
        SupportCatalog catalog = new SupportCatalog(Optional.of(file.toString()));
        assertEquals(1, catalog.topics().size());
        assertEquals("Support facturation", catalog.channelOf(catalog.topics().get(0)).name().get("fr"));
    }

    @Test
    void shouldRefuseATopicNamingAnUnknownChannel() {
        assertRefused("topic billing-error names an unknown channel legal", catalog(CHANNEL,
                TOPIC.replace("\"channel\": \"billing-support\"", "\"channel\": \"legal\"")));
    }

    @Test
    void shouldRefuseADuplicateTopicIdOrChannelId() {
        assertRefused("topic id billing-error is used twice", catalog(CHANNEL, TOPIC + "," + TOPIC));
        assertRefused("channel id billing-support is used twice", catalog(CHANNEL + ","
                + CHANNEL.replace("support-billing", "support-other"), TOPIC));
    }

    @Test
    void shouldRefuseAnIdNotInKebabCaseAWordMissingInFrenchAndAnUnknownField() {
        assertRefused("topic id Billing_Error is not kebab-case", catalog(CHANNEL,
                TOPIC.replace("\"id\": \"billing-error\"", "\"id\": \"Billing_Error\"")));
        assertRefused("topic billing-error: title in fr is required", catalog(CHANNEL,
                TOPIC.replace(", \"fr\": \"Erreur de facturation\"", "")));
        assertRefused("cannot be read", catalog(CHANNEL, TOPIC.replace("{\"id\"", "{\"priority\": 1, \"id\"")));
    }

    @Test
    void shouldRefuseAChannelOnOneOfTheDesksOwnTopicsOrOnAnotherChannelsTopic() {
        assertRefused("kafkaTopic requests is one of the desk's own topics", catalog(
                CHANNEL.replace("support-billing", "requests"), TOPIC));
        assertRefused("kafkaTopic support-billing belongs to another channel", catalog(CHANNEL + ","
                + CHANNEL.replace("\"id\": \"billing-support\"", "\"id\": \"second\""), TOPIC));
    }

    @Test
    void shouldRefuseACatalogWithoutTopicsOrWithAnEmptyEntry() {
        assertRefused("it lists no topic", catalog(CHANNEL, ""));
        assertRefused("a topic entry is empty", catalog(CHANNEL, TOPIC + ", null"));
    }

    private static void assertRefused(String expected, String content) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SupportCatalog(content.getBytes(StandardCharsets.UTF_8), "test.json"));
        assertTrue(refused.getMessage().startsWith("Support catalog test.json: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static String catalog(String channels, String topics) {
        return "{\"channels\": [" + channels + "], \"topics\": [" + topics + "]}";
    }
}
