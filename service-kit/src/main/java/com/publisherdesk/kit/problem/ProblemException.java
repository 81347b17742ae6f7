package com.publisherdesk.kit.problem;

/** A business rule refused the request; answered as {@code application/problem+json} with its status. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient java.util.Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, java.util.Map.of());
    }

    private ProblemException(int status, String slug, String title, String detail,
            java.util.Map<String, String> headers) {
        this(Problem.of(slug, title, status, detail), headers);
    }

    private ProblemException(Problem problem, java.util.Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    /** Headers the answer carries besides the problem, such as {@code Retry-After}. */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    /** 400: one field of the body is not valid, as Bean Validation would have said. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "Invalid fields: " + field + ".", java.util.List.of(new Problem.FieldError(field, message))),
                java.util.Map.of());
    }

    /** 409: the request duplicates an existing one, which {@code location} points to. */
    public static ProblemException conflict(String slug, String title, String detail, String location) {
        return new ProblemException(409, slug, title, detail, java.util.Map.of("Location", location));
    }

    /** 429: too many tries; the client may try again after {@code retryAfterSeconds}. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "too-many-requests", "Too many requests", detail,
                java.util.Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    /** 404: the resource does not exist, or belongs to someone else. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found.");
    }

    /** 503: a part the answer depends on is unavailable; the client may try again after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(String slug, String detail, long retryAfterSeconds) {
        return new ProblemException(503, slug, "Temporarily unavailable", detail,
                java.util.Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
