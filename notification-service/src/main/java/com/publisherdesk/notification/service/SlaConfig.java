package com.publisherdesk.notification.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How the acknowledgement deadlines are watched ({@code desk.sla}). */
@ConfigMapping(prefix = "desk.sla")
public interface SlaConfig {

    /** The fraction of a request's window after which an unacknowledged request raises a warning (0.8). */
    double warnAt();

    /** How often the deadlines are checked (30 seconds). */
    Duration checkInterval();
}
