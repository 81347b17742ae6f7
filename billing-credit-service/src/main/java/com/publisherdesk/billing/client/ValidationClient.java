package com.publisherdesk.billing.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The validation service's ownership check, asked synchronously for dry runs (real requests go through Kafka). */
@RegisterRestClient(configKey = "validation")
@Path("/v1/publishers/{publisherId}/ownership-checks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ValidationClient {

    /** Asked with the token of the publisher administrator on whose behalf the desk asks. */
    @POST
    Answer check(@PathParam("publisherId") String publisherId, @HeaderParam("Authorization") String authorization,
            Question question);

    /**
     * What is asked.
     *
     * @param subscriptionId the customer's subscription
     * @param customerName   the customer's name as the publisher gave it
     */
    record Question(String subscriptionId, String customerName) {
    }

    /**
     * The answer.
     *
     * @param confirmed whether the subscription belongs to that customer and to one of that publisher's offers
     */
    record Answer(boolean confirmed) {
    }
}
