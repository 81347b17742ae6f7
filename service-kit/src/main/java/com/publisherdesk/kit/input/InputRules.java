package com.publisherdesk.kit.input;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** How every JSON body reads text and dates: plain text only, and dates as strict ISO days within the desk's years. */
public final class InputRules {

    /** The first day the desk accepts in a body or a query. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    /** The last day the desk accepts in a body or a query. */
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    /** The form of an identifier (subscription, customer, offer, publisher): letters, digits, '.', '_' or '-'. */
    public static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** What a refused identifier is told. */
    public static final String IDENTIFIER_RULE = "must be letters, digits, '.', '_' or '-'";
    /** What a refused date is told. */
    public static final String DATE_RULE = "must be a date from 2000-01-01 to 2099-12-31 written like 2026-11-01";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InputRules() {
    }

    /** The Jackson module that applies these rules. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("desk-input-rules");
        module.addDeserializer(String.class, new PlainTextDeserializer());
        module.addDeserializer(LocalDate.class, new DayDeserializer());
        return module;
    }

    /** The day {@code text} names, or null when it is not a strict ISO day within the desk's years. */
    public static LocalDate day(String text) {
        try {
            LocalDate day = LocalDate.parse(text, DAY);
            return day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY) ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Text as Jackson reads it, refused when it is not plain. */
    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !PlainText.isPlain(text, true)) {
                throw new InvalidValueException(parser, PlainText.RULE);
            }
            return text;
        }
    }

    /** A day, from a JSON string only. */
    static final class DayDeserializer extends StdScalarDeserializer<LocalDate> {

        DayDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate day = parser.currentToken() == JsonToken.VALUE_STRING ? day(parser.getText()) : null;
            if (day == null) {
                throw new InvalidValueException(parser, DATE_RULE);
            }
            return day;
        }
    }
}
