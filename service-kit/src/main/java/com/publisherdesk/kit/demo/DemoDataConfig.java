package com.publisherdesk.kit.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo data set ({@code desk.demo-data}). */
@ConfigMapping(prefix = "desk.demo-data")
public interface DemoDataConfig {

    /** Whether the service loads its demo data set at start; off unless {@code DEMO_DATA} says so. */
    @WithDefault("false")
    boolean enabled();
}
