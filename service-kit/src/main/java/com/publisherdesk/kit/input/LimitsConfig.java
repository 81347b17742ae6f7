package com.publisherdesk.kit.input;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** The limits every service enforces before it reads or stores anything (README, Limits). */
@ConfigMapping(prefix = "desk.limits")
public interface LimitsConfig {

    /** A request body's limit, checked on {@code Content-Length} before the body is read. */
    MemorySize body();

    /** The limit of an operator import's body. */
    MemorySize importBody();

    /** The paths of this service's operator imports, if it has any. */
    Optional<List<String>> importPaths();

    /** The request line's limit: method, path and query. */
    MemorySize requestLine();

    /** The request headers' limit, in all. */
    MemorySize headers();

    /** API requests in progress at once; over it, 503 with {@code Retry-After}. */
    int concurrentRequests();
}
