package com.publisherdesk.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.publisherdesk.kit.problem.ProblemException;

class PageCursorTest {

    private static final byte[] KEY = "a secret of the desk, thirty-two characters or more".getBytes(
            StandardCharsets.UTF_8);
    private static final PageCursor CURSOR = PageCursor.of(Instant.parse("2026-10-01T12:00:00.123456Z"),
            UUID.fromString("6f1c2a9e-0b7d-4c1e-9a55-3f0d2b8e4a11"));

    @Test
    void shouldReadBackACursorItGave() {
        PageCursor read = PageCursor.decode(CURSOR.encode(KEY), KEY);
        assertEquals(CURSOR, read);
        assertEquals(UUID.fromString("6f1c2a9e-0b7d-4c1e-9a55-3f0d2b8e4a11"), read.uuidKey());
    }

    @Test
    void shouldAcceptACursorGivenByAnotherInstanceWithTheSameKey() {
        byte[] sameKey = new String(KEY, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        assertEquals(CURSOR, PageCursor.decode(CURSOR.encode(KEY), sameKey));
    }

    @Test
    void shouldRefuseAMadeUpCursorInTheRightFormat() {
        String madeUp = base64("2026-10-01T12:00:00Z|" + UUID.randomUUID()) + "." + base64("not the MAC");
        assertRefused(madeUp);
        assertRefused(base64("2026-10-01T12:00:00Z|" + UUID.randomUUID()));
    }

    @Test
    void shouldRefuseACursorWhosePositionWasChanged() {
        String given = CURSOR.encode(KEY);
        String moved = base64("2020-01-01T00:00:00Z|6f1c2a9e-0b7d-4c1e-9a55-3f0d2b8e4a11")
                + given.substring(given.indexOf('.'));
        assertRefused(moved);
    }

    @Test
    void shouldRefuseACursorSealedWithAnotherKey() {
        assertRefused(CURSOR.encode("another desk's secret, also long enough".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", "garbage", "%%%", "a.b.c", "..." })
    void shouldRefuseWhatIsNotACursor(String cursor) {
        assertRefused(cursor);
    }

    private static void assertRefused(String cursor) {
        ProblemException refused = assertThrows(ProblemException.class, () -> PageCursor.decode(cursor, KEY));
        assertEquals(400, refused.problem().status());
        assertEquals("cursor", refused.problem().errors().get(0).field());
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
