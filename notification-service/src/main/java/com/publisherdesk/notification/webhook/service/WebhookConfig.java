package com.publisherdesk.notification.webhook.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the desk delivers events to publishers' webhook endpoints. */
@ConfigMapping(prefix = "desk.webhooks")
public interface WebhookConfig {

    /** Whether endpoints on loopback addresses (plain http included) are allowed: the embedded desk and tests only. */
    @WithDefault("false")
    boolean allowLoopback();

    /** How long a delivery is retried before it is given up and its endpoint disabled. */
    @WithDefault("24H")
    Duration retryWindow();

    /** The pause after a first failed attempt; it doubles at each failure. */
    @WithDefault("10S")
    Duration firstRetry();

    /** The longest pause between two attempts at a delivery. */
    @WithDefault("1H")
    Duration maxBackoff();

    /** How long an endpoint may take to answer (and to accept the connection) before the attempt failed. */
    @WithDefault("10S")
    Duration timeout();

    /** How long a sender may hold a delivery before another sender takes it over (the first is presumed dead). */
    @WithDefault("2M")
    Duration claimTimeout();

    /** The most endpoints one publisher may register. */
    @WithDefault("10")
    int maxEndpoints();
}
