package com.publisherdesk.kit.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay moves events to Kafka. */
@ConfigMapping(prefix = "desk.outbox")
public interface OutboxConfig {

    /** The most events relayed in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for new events before looking again when no commit woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest pause after a failed relay attempt (the pause doubles up to it). */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long the relay waits after a commit's wake-up for the commits close behind it, to relay them together. */
    @WithDefault("1ms")
    Duration coalesce();

    /** How long Kafka may take to acknowledge a batch before the attempt is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long the relay may fail to publish, attempt after attempt, before the service reports itself not ready. */
    @WithDefault("30s")
    Duration unreadyAfter();
}
