package com.publisherdesk.kit.input;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.publisherdesk.kit.problem.Problem;
import com.publisherdesk.kit.problem.Problem.FieldError;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A query parameter the endpoint does not take is refused with a 400 naming it, rather than ignored: a misspelt
 * filter would otherwise answer as if no filter had been asked for. It runs after the checks of who may call (a
 * stranger is told 401 or 403, not what the endpoint takes).
 */
public class KnownParameters {

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response refuseUnknownParameters(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty()) {
            return null;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, KnownParameters::queryParameters);
        Set<String> unknown = uri.getQueryParameters().keySet().stream().filter(name -> !taken.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (unknown.isEmpty()) {
            return null;
        }
        String message = "is not a parameter of this endpoint (it takes "
                + (taken.isEmpty() ? "none" : String.join(", ", new TreeSet<>(taken))) + ")";
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.TYPE_BASE
                + "invalid-request", "The request is not valid", 400, "Unknown query parameters: "
                + String.join(", ", unknown) + ".", unknown.stream().map(name -> new FieldError(name, message))
                .toList())).build();
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new java.util.HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return Set.copyOf(names);
    }
}
