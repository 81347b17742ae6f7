package com.publisherdesk.kit.input;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.kit.problem.Problem;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses, before anything reads it, a body over its limit (413: {@code desk.limits.body} for every endpoint,
 * {@code desk.limits.import-body} for operator imports) and a body that does not say what it is (415: no
 * Content-Type), each as {@code application/problem+json}.
 */
@ApplicationScoped
public class BodyLimits {

    /** Before Quarkus' own check of {@code quarkus.http.limits.max-body-size}, which answers without a body. */
    private static final int ORDER = -3;

    private final long bodyLimit;
    private final long importLimit;
    private final List<String> importPaths;
    private final byte[] tooLarge;
    private final byte[] importTooLarge;
    private final byte[] untyped;

    public BodyLimits(LimitsConfig limits, ObjectMapper json) throws JsonProcessingException {
        this.bodyLimit = limits.body().asLongValue();
        this.importLimit = limits.importBody().asLongValue();
        this.importPaths = limits.importPaths().orElse(List.of());
        this.tooLarge = problem(json, bodyLimit);
        this.importTooLarge = problem(json, importLimit);
        this.untyped = json.writeValueAsBytes(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                "A request body needs a Content-Type: application/json (or what the endpoint documents)."));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        boolean isImport = importPaths.contains(context.normalizedPath());
        long limit = isImport ? importLimit : bodyLimit;
        if (declared != null && isOver(declared, limit)) {
            refuse(context, 413, isImport ? importTooLarge : tooLarge);
            return;
        }
        boolean hasBody = (declared != null && !declared.trim().equals("0"))
                || context.request().getHeader("Transfer-Encoding") != null;
        if (hasBody && context.request().getHeader("Content-Type") == null) {
            refuse(context, 415, untyped);
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, byte[] problem) {
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(io.vertx.core.buffer.Buffer.buffer(problem));
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] problem(ObjectMapper json, long limit) throws JsonProcessingException {
        return json.writeValueAsBytes(Problem.of("body-too-large", "Request body too large", 413,
                "The request body is over this endpoint's limit of " + limit / 1024 + " KiB; nothing was stored."));
    }
}
