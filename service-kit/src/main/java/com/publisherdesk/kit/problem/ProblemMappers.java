package com.publisherdesk.kit.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.publisherdesk.kit.inbox.FailureClassifier;
import com.publisherdesk.kit.input.InvalidValueException;
import com.publisherdesk.kit.problem.Problem.FieldError;

import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Turns every failure into {@code application/problem+json}, never echoing a class name or a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e.problem().status() == 401) {
            return unauthenticated(e.problem().detail());
        }
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE)
                .entity(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).collect(Collectors.toList());
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "Invalid fields: " + fields + ".", errors));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : e instanceof InvalidValueException ? mapping.getOriginalMessage() : "has the wrong type";
            return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                    "Field " + field + " " + message + ".", List.of(new FieldError(field, message))));
        }
        return respond(Problem.of("malformed-body", "The body is not valid JSON", 400,
                "The request body could not be read as JSON."));
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthenticated(io.quarkus.security.AuthenticationFailedException e) {
        return unauthenticated("The bearer token is missing, expired, or not one the desk accepts.");
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return unauthenticated("This endpoint needs a bearer token.");
    }

    @ServerExceptionMapper(priority = Priorities.AUTHORIZATION)
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this."));
    }

    private static Response unauthenticated(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of("unauthenticated", "Authentication required", 401, detail)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), detailOf(e, status)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isUniqueViolation(e)) {
            return respond(Problem.of("conflict", "Conflict", 409,
                    "A concurrent request made the same change; retry to see its outcome."));
        }
        if (FailureClassifier.isInfrastructure(e)) {
            LOG.warnf("Answering 503, the database is unavailable: %s", e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(Problem.of("unavailable", "Temporarily unavailable", 503,
                            "The desk cannot store requests right now; nothing was stored. Retry shortly."))
                    .build();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The desk could not handle this request; nothing was stored."));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailOf(WebApplicationException e, Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot answer in the media type asked for.";
            case 413 -> "The request body is too large.";
            case 415 -> "This resource accepts application/json only.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    /** The offending field's path in the body ({@code creditPeriod.from}, {@code [1].country}) or the parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || (node.getKind() == ElementKind.PARAMETER && !last)) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
