package com.publisherdesk.kit.problem;

/** A business rule refused the request; answered as {@code application/problem+json} with its status. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.problem = Problem.of(slug, title, status, detail);
    }

    public Problem problem() {
        return problem;
    }

    /** 404: the resource does not exist, or belongs to someone else. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found.");
    }
}
