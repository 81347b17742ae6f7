package com.publisherdesk.kit.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one clock of a service (UTC), injected wherever the desk reads the time, so that a test can fix it. */
@Singleton
public class DeskClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
