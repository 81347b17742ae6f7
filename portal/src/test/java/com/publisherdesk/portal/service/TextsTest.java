package com.publisherdesk.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void shouldSpeakEnglishAndFrenchWithTheSameWordsKnown() {
        Texts texts = new Texts();

        assertEquals(texts.of("en").keySet(), texts.of("fr").keySet());
        assertNotEquals(texts.of("en").get("requests"), texts.of("fr").get("requests"));
        assertEquals(texts.of("en"), texts.of("de"));
    }
}
