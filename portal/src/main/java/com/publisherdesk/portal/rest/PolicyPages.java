package com.publisherdesk.portal.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The credit policy in force with a dry-run form, on a publisher's pages. */
@Path("/publishers/{publisherId}/credit-policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    private final PolicyPage page;

    public PolicyPages(PolicyPage page) {
        this.page = page;
    }

    @GET
    public Response policy(@PathParam("publisherId") String publisherId) {
        return page.forPublisher(publisherId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dryRun(@PathParam("publisherId") String publisherId, MultivaluedMap<String, String> form) {
        return page.publisherDryRun(publisherId, form);
    }
}
