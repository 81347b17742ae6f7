package com.publisherdesk.kit.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** The demo data set a service ships under {@code /demo/}, read only when it is enabled. */
@ApplicationScoped
public class DemoData {

    private final DemoDataConfig config;
    private final ObjectMapper json;

    public DemoData(DemoDataConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The records of the shipped {@code /demo/<name>} JSON array, or none when the demo data set is off. */
    public <T> Optional<List<T>> read(String name, TypeReference<List<T>> type) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The demo data file /demo/" + name + " is missing");
            }
            return Optional.of(json.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException("The demo data file /demo/" + name + " cannot be read", e);
        }
    }
}
