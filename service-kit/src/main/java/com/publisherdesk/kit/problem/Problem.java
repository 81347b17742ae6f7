package com.publisherdesk.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: a stable {@code type}, a human {@code title}, and the offending fields if any.
 *
 * @param type   a stable URI naming the kind of problem
 * @param title  a short human summary
 * @param status the HTTP status
 * @param detail what happened in this case
 * @param errors the offending fields, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Where every problem type lives. */
    public static final String TYPE_BASE = "https://publisherdesk.com/problems/";

    /** A problem without field errors. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    /**
     * One offending field.
     *
     * @param field   the field's path in the body, or the parameter's name
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
