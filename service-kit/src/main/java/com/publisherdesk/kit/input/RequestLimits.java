package com.publisherdesk.kit.input;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.kit.problem.Problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request line over {@code desk.limits.request-line} (414) and headers over {@code desk.limits.headers}
 * (431) as {@code application/problem+json}, before anything else reads the request. The HTTP server's own decoder,
 * which answers these without a body, is set to a larger ceiling ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size}) so that the desk's limits are the ones a client meets.
 */
@ApplicationScoped
public class RequestLimits {

    /** Before the body limits and everything else. */
    private static final int ORDER = -4;

    private final long lineLimit;
    private final long headerLimit;
    private final byte[] lineTooLong;
    private final byte[] headersTooLarge;

    public RequestLimits(LimitsConfig limits, ObjectMapper json) throws JsonProcessingException {
        this.lineLimit = limits.requestLine().asLongValue();
        this.headerLimit = limits.headers().asLongValue();
        this.lineTooLong = json.writeValueAsBytes(Problem.of("uri-too-long", "URI Too Long", 414,
                "The request line (method, path and query) is over the limit of " + lineLimit / 1024
                        + " KiB; nothing was stored."));
        this.headersTooLarge = json.writeValueAsBytes(Problem.of("headers-too-large",
                "Request Header Fields Too Large", 431, "The request headers are over the limit of "
                        + headerLimit / 1024 + " KiB in all; nothing was stored."));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (lineLength(request) > lineLimit) {
            refuse(context, 414, lineTooLong);
        } else if (headerSize(request) > headerLimit) {
            refuse(context, 431, headersTooLarge);
        } else {
            context.next();
        }
    }

    /** The request line's length as it was sent: method, target and version, with the spaces between them. */
    private static long lineLength(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
    }

    /** The headers' size as they were sent: each name, value, separator and line end. */
    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static void refuse(RoutingContext context, int status, byte[] problem) {
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Buffer.buffer(problem));
    }
}
