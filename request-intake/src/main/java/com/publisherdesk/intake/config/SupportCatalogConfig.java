package com.publisherdesk.intake.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The routing catalog of support topics ({@code desk.support}). */
@ConfigMapping(prefix = "desk.support")
public interface SupportCatalogConfig {

    /** The operator's own catalog file, replacing the shipped {@code support/catalog.json}; none by default. */
    Optional<String> catalogFile();
}
