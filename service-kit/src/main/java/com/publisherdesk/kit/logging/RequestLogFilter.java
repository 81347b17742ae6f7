package com.publisherdesk.kit.logging;

import org.jboss.logging.MDC;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Opens each API request's log context: its trace continued from the caller's {@code traceparent} header (or a new
 * one), and the request's id when the path names one; cleared when the answer leaves.
 */
@Provider
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        LogContext.open(request.getUriInfo().getPathParameters().getFirst("requestId"), null,
                request.getHeaderString(LogContext.TRACEPARENT));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MDC.remove(LogContext.REQUEST_ID);
        MDC.remove(LogContext.TRACE_ID);
        MDC.remove(LogContext.EVENT_TYPE);
    }
}
