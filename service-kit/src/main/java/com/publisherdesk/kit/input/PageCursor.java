package com.publisherdesk.kit.input;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.publisherdesk.kit.problem.ProblemException;

/**
 * Where a page of a list ended (a time and a key that breaks ties), handed to the client as the opaque cursor of the
 * next page; a cursor the API did not give is refused with a 400 naming the parameter.
 *
 * @param at  the time of the page's last item
 * @param key the key of the page's last item
 */
public record PageCursor(Instant at, String key) {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static PageCursor of(Instant at, Object key) {
        return new PageCursor(at, String.valueOf(key));
    }

    /** The cursor as the client sees it. */
    public String encode() {
        String raw = at + "|" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or a 400 problem when this API could not have given it. */
    public static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant at = Instant.parse(raw.substring(0, bar));
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST) || bar == raw.length() - 1) {
                throw notGiven();
            }
            return new PageCursor(at, raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw notGiven();
        }
    }

    /** The key as a request id. */
    public UUID uuidKey() {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw notGiven();
        }
    }

    /** The key as a row number. */
    public long longKey() {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw notGiven();
        }
    }

    private static ProblemException notGiven() {
        return ProblemException.invalid("cursor", "is not a cursor this API gave");
    }
}
