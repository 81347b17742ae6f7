package com.publisherdesk.notification.webhook.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.notification.webhook.service.WebhookEvents;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The event types a webhook endpoint may ask for. */
@Path("/v1/webhook-event-types")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEventTypeResource {

    @GET
    @Operation(operationId = "listWebhookEventTypes",
            summary = "The event types a webhook endpoint may ask for (their schemas: /q/asyncapi on intake)")
    public List<String> list() {
        return List.copyOf(WebhookEvents.OFFERED);
    }
}
