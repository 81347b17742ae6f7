package com.publisherdesk.kit.input;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.kit.problem.Problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers the API requests over {@code desk.limits.concurrent-requests} in progress at once with 503 and
 * {@code Retry-After: 1} ({@code application/problem+json}), before anything is read or stored: when the desk cannot
 * keep up, the excess is told so in a millisecond instead of queueing into the client's timeout, and the requests
 * taken keep a bounded latency. Health, metrics and documents ({@code /q/*}) are never refused.
 */
@ApplicationScoped
public class LoadShedding {

    /**
     * Before every other handler, authentication (Quarkus' security filters run at -300 to -100) included: a refusal
     * here costs nothing, not even the check of a token's signature.
     */
    private static final int ORDER = -1000;

    private final Semaphore inProgress;
    private final byte[] busy;

    @Inject
    public LoadShedding(LimitsConfig limits, ObjectMapper json) throws JsonProcessingException {
        this(limits.concurrentRequests(), json);
    }

    LoadShedding(int limit, ObjectMapper json) throws JsonProcessingException {
        this.inProgress = new Semaphore(limit);
        this.busy = json.writeValueAsBytes(Problem.of("busy", "Service Unavailable", 503, "The desk is taking as many "
                + "requests as it can; nothing was stored. Send the request again in a second (Retry-After)."));
    }

    void install(@Observes Router router) {
        router.route("/v1/*").order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (!inProgress.tryAcquire()) {
            context.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "1").end(Buffer.buffer(busy));
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(ended -> {
            if (released.compareAndSet(false, true)) {
                inProgress.release();
            }
        });
        context.next();
    }
}
