package com.publisherdesk.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.publisherdesk.intake.api.SupportTopicView;
import com.publisherdesk.intake.support.SupportCatalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The routing catalog: what a publisher may ask about, and which channel answers. */
@Path("/v1/support-topics")
@Produces(MediaType.APPLICATION_JSON)
public class SupportTopicResource {

    private final SupportCatalog catalog;

    public SupportTopicResource(SupportCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(operationId = "listSupportTopics",
            summary = "The support topics a support request may name, each with the channel that answers it",
            description = "Titles, descriptions and what each channel tells are given in English and French.")
    public List<SupportTopicView> list() {
        return catalog.topics().stream().map(topic -> SupportTopicView.of(topic, catalog.channelOf(topic))).toList();
    }
}
