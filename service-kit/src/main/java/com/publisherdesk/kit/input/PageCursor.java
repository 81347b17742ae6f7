package com.publisherdesk.kit.input;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.publisherdesk.kit.problem.ProblemException;

/**
 * Where a page of a list ended (a time and a key that breaks ties), handed to the client as the opaque cursor of the
 * next page. The cursor carries a MAC made with the desk's cursor key ({@link CursorKey}), so that only a cursor the
 * API gave is accepted, by any instance of the service; anything else is refused with a 400 naming the parameter.
 *
 * @param at  the time of the page's last item
 * @param key the key of the page's last item
 */
public record PageCursor(Instant at, String key) {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static PageCursor of(Instant at, Object key) {
        return new PageCursor(at, String.valueOf(key));
    }

    /** The cursor as the client sees it, sealed with this service's cursor key. */
    public String encode() {
        return encode(CursorKey.current());
    }

    /** The cursor as the client sees it, sealed with {@code secret}. */
    public String encode(byte[] secret) {
        byte[] raw = (at + "|" + key).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(raw) + "." + ENCODER.encodeToString(mac(secret, raw));
    }

    /** The cursor a client sent back, or a 400 problem when this API could not have given it. */
    public static PageCursor decode(String cursor) {
        return decode(cursor, CursorKey.current());
    }

    /** The cursor a client sent back, checked against {@code secret}; a 400 problem when it was not sealed with it. */
    public static PageCursor decode(String cursor, byte[] secret) {
        try {
            int dot = cursor.indexOf('.');
            byte[] raw = DECODER.decode(cursor.substring(0, dot));
            if (!MessageDigest.isEqual(mac(secret, raw), DECODER.decode(cursor.substring(dot + 1)))) {
                throw notGiven();
            }
            String text = new String(raw, StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            Instant at = Instant.parse(text.substring(0, bar));
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST) || bar == text.length() - 1) {
                throw notGiven();
            }
            return new PageCursor(at, text.substring(bar + 1));
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

    private static byte[] mac(byte[] secret, byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException notGiven() {
        return ProblemException.invalid("cursor", "is not a cursor this API gave");
    }
}
