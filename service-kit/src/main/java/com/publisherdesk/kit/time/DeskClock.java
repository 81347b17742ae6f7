package com.publisherdesk.kit.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock of a service (UTC), injected wherever the desk reads the time, so that a test can fix it
 * ({@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)}).
 */
@ApplicationScoped
public class DeskClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
