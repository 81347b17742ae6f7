package com.publisherdesk.kit.input;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.publisherdesk.kit.problem.Problem;
import com.publisherdesk.kit.problem.Problem.FieldError;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Path and query parameters are plain, single-line text, and a query parameter given has a value and is given once:
 * anything else is refused before an endpoint sees it.
 */
public class ParameterText {

    @ServerRequestFilter(preMatching = true)
    public Response requirePlainParameters(UriInfo uri) {
        if (!PlainText.isPlain(uri.getPath(), false)) {
            return refuse("path");
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(String::isEmpty)
                    && PlainText.isPlain(parameter.getKey(), false)) {
                return refuse(parameter.getKey(), "is empty: leave it out, or give it a value");
            }
            if (parameter.getValue().size() > 1 && PlainText.isPlain(parameter.getKey(), false)) {
                return refuse(parameter.getKey(), "is given more than once: give it once");
            }
            if (!PlainText.isPlain(parameter.getKey(), false)
                    || parameter.getValue().stream().anyMatch(v -> !PlainText.isPlain(v, false))) {
                return refuse(PlainText.isPlain(parameter.getKey(), false) ? parameter.getKey() : "query");
            }
        }
        return null;
    }

    private static Response refuse(String where) {
        return refuse(where, PlainText.RULE.replace("control characters", "control characters or line breaks"));
    }

    private static Response refuse(String where, String message) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem(
                "https://publisherdesk.com/problems/invalid-request", "The request is not valid", 400,
                "Parameter " + where + " " + message + ".", List.of(new FieldError(where, message)))).build();
    }
}
