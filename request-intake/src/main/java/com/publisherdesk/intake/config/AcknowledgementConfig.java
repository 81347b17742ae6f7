package com.publisherdesk.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The acknowledgement promise made to publishers ({@code desk.acknowledgement}). */
@ConfigMapping(prefix = "desk.acknowledgement")
public interface AcknowledgementConfig {

    /** How long after its submission a request's acknowledgement email is due at the latest (24 hours). */
    Duration window();
}
