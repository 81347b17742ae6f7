package com.publisherdesk.intake.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.asyncapi.AsyncApiDocument;
import com.publisherdesk.kit.problem.Problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The contract for downstream subscribers, open to anyone as {@code /q/openapi} is: the AsyncAPI document of every
 * topic and event type at {@code /q/asyncapi}, and the JSON Schema each event names in its {@code ce_dataschema} at
 * {@code /schemas/<type>.json}, where the document's relative references lead. Both come from the contracts jar.
 */
@ApplicationScoped
public class EventDocumentRoutes {

    private final Buffer document;
    private final Map<String, Buffer> schemas = new HashMap<>();
    private final Buffer notFound;

    public EventDocumentRoutes(ObjectMapper json) throws JsonProcessingException {
        this.document = read(AsyncApiDocument.RESOURCE);
        for (EventType<?> type : Events.ALL) {
            schemas.put(type.name() + ".json", read(type.schemaResource()));
        }
        this.notFound = Buffer.buffer(json.writeValueAsBytes(Problem.of("not-found", "Not found", 404,
                "No event schema has this name; the AsyncAPI document at /q/asyncapi lists them.")));
    }

    void install(@Observes Router router) {
        router.get("/q/asyncapi").handler(context -> answer(context, "application/yaml", document));
        router.get("/schemas/:file").handler(this::schema);
    }

    private void schema(RoutingContext context) {
        Buffer schema = schemas.get(context.pathParam("file"));
        if (schema == null) {
            context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(notFound);
        } else {
            answer(context, "application/schema+json", schema);
        }
    }

    private static void answer(RoutingContext context, String contentType, Buffer body) {
        context.response().putHeader("Content-Type", contentType).putHeader("Cache-Control", "max-age=300")
                .end(body);
    }

    private static Buffer read(String resource) {
        try (InputStream in = EventDocumentRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the contracts jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
