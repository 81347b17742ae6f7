package com.publisherdesk.kit.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CursorKeyTest {

    @Test
    void shouldRefuseASecretShorterThanThirtyTwoCharactersNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new CursorKey(() -> "x".repeat(CursorKey.MINIMUM_LENGTH - 1)));
        assertTrue(refused.getMessage().contains("CURSOR_KEY"), refused.getMessage());
    }

    @Test
    void shouldSealWithASecretOfThirtyTwoCharacters() {
        String secret = "s".repeat(CursorKey.MINIMUM_LENGTH);
        assertArrayEquals(secret.getBytes(StandardCharsets.UTF_8), new CursorKey(() -> secret).secret());
    }
}
