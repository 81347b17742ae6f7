package com.publisherdesk.notification.webhook.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.publisherdesk.kit.access.CurrentCaller;
import com.publisherdesk.notification.webhook.api.DeliveryPage;
import com.publisherdesk.notification.webhook.api.DeliveryView;
import com.publisherdesk.notification.webhook.api.WebhookBody;
import com.publisherdesk.notification.webhook.api.WebhookCreated;
import com.publisherdesk.notification.webhook.api.WebhookView;
import com.publisherdesk.notification.webhook.service.Webhooks;
import com.publisherdesk.notification.webhook.service.Webhooks.DeliveryLog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** A publisher's administrators register webhook endpoints for their requests' events and read their deliveries. */
@Path("/v1/publishers/{publisherId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final CurrentCaller caller;

    public WebhookResource(Webhooks webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Registered: the endpoint and its signing secret, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookCreated.class)), headers = @Header(name = "Location",
            description = "The endpoint", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "`too-many-webhooks`: the publisher has as many endpoints as it "
            + "may register; delete one first")
    @Operation(operationId = "registerWebhook",
            summary = "Register a webhook endpoint", description = "201 with the endpoint and its signing secret, "
            + "shown this once. The URL must be https on a public address; the event types among "
            + "GET /v1/webhook-event-types. Each delivery is signed: Desk-Signature: t=<unix seconds>,v1=<hex "
            + "HMAC-SHA256 of \"<t>.<body>\" with the secret>.")
    public Response register(@PathParam("publisherId") String publisherId, @NotNull @Valid WebhookBody body) {
        WebhookCreated created = WebhookCreated.of(webhooks.register(publisherId, body.url(), body.eventTypes(),
                body.description(), caller.email()));
        URI location = UriBuilder.fromResource(WebhookResource.class).path("{webhookId}")
                .build(publisherId, created.webhook().id());
        return Response.created(location).entity(created).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "The endpoints", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = WebhookView.class)))
    @Operation(operationId = "listWebhooks", summary = "The publisher's webhook endpoints, without their secrets")
    public List<WebhookView> list(@PathParam("publisherId") String publisherId) {
        return webhooks.list(publisherId).stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{webhookId}")
    @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @Operation(operationId = "getWebhook", summary = "One webhook endpoint")
    public WebhookView get(@PathParam("publisherId") String publisherId, @PathParam("webhookId") UUID webhookId) {
        return WebhookView.of(webhooks.get(publisherId, webhookId));
    }

    @DELETE
    @Path("/{webhookId}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteWebhook",
            summary = "Delete a webhook endpoint", description = "204; its deliveries still owed are not sent.")
    public Response delete(@PathParam("publisherId") String publisherId, @PathParam("webhookId") UUID webhookId) {
        webhooks.delete(publisherId, webhookId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{webhookId}/enable")
    @APIResponse(responseCode = "200", description = "Enabled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @Operation(operationId = "enableWebhook",
            summary = "Enable a disabled webhook endpoint", description = "Its waiting deliveries resume in order.")
    public WebhookView enable(@PathParam("publisherId") String publisherId, @PathParam("webhookId") UUID webhookId) {
        return WebhookView.of(webhooks.enable(publisherId, webhookId));
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @APIResponse(responseCode = "200", description = "A page of deliveries, and the cursor of the next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeliveryPage.class)))
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The endpoint's delivery log, newest first: status, attempts, last answer and error")
    public DeliveryPage deliveries(@PathParam("publisherId") String publisherId,
            @PathParam("webhookId") UUID webhookId,
            @Parameter(description = "The page size, 1 to 100") @QueryParam("limit") @DefaultValue("20")
            @Size(max = 3) @Pattern(regexp = "[1-9][0-9]?|100", message = "must be a whole number from 1 to 100")
            String limit,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        DeliveryLog log = webhooks.deliveries(publisherId, webhookId, Integer.parseInt(limit), cursor);
        return new DeliveryPage(log.deliveries().stream().map(DeliveryView::of).toList(), log.next());
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @APIResponse(responseCode = "202", description = "Sent again: the delivery as it stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeliveryView.class)))
    @Operation(operationId = "redeliverWebhookDelivery",
            summary = "Send a delivery again now", description = "202; a delivered one too (receivers "
            + "deduplicate on the event id), a given-up one with a new retry window.")
    public Response redeliver(@PathParam("publisherId") String publisherId, @PathParam("webhookId") UUID webhookId,
            @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(DeliveryView.of(webhooks.redeliver(publisherId, webhookId, deliveryId))).build();
    }
}
