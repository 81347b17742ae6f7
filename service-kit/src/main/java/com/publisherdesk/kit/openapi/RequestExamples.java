package com.publisherdesk.kit.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.models.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An example body for each operation that takes one, from {@code openapi/examples/<operationId>.json}. */
final class RequestExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestExamples() {
    }

    static void add(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getOperationId() == null) {
            return;
        }
        String example = read("openapi/examples/" + operation.getOperationId() + ".json");
        if (example == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
            if (media.getExample() == null) {
                media.setExample(type.contains("json") && !type.contains("ndjson") ? parse(example) : example);
            }
        });
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An example that is not JSON", e);
        }
    }

    private static String read(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
