package com.publisherdesk.kit.access;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.publisherdesk.kit.problem.ProblemException;

import jakarta.ws.rs.core.UriInfo;

/**
 * Every endpoint under a publisher ({@code /v1/publishers/{publisherId}/...}) answers only administrators of that
 * publisher: anyone else gets 403, whatever the endpoint. Being an administrator is looked up on every request, so
 * adding or removing one takes effect at once.
 */
public class PublisherAccessFilter {

    private static final Logger LOG = Logger.getLogger(PublisherAccessFilter.class);

    private final CurrentCaller caller;
    private final PublisherDirectory directory;

    public PublisherAccessFilter(CurrentCaller caller, PublisherDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    @ServerRequestFilter
    public void requireAdministrator(UriInfo uri) {
        String publisherId = uri.getPathParameters().getFirst("publisherId");
        if (publisherId == null) {
            return;
        }
        Caller who = caller.get();
        if (!directory.isAdministrator(publisherId, who)) {
            LOG.debugf("%s is not an administrator of %s", who.email(), publisherId);
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "You are not an administrator of this publisher account.");
        }
    }
}
