package com.publisherdesk.kit.openapi;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.publisherdesk.kit.problem.Problem;

/**
 * The problem+json schema, and every refusal (4xx, 5xx) of an operation described with it and an example; the
 * example is of the problem type the refusal's description names between backquotes, if it names one.
 */
final class ProblemDocs {

    /** The name of the problem schema among the document's components. */
    static final String SCHEMA = "Problem";

    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("400", "The request is not valid"),
            Map.entry("401", "Not authenticated"), Map.entry("403", "Forbidden"), Map.entry("404", "Not found"),
            Map.entry("409", "Conflict"), Map.entry("412", "Precondition failed"),
            Map.entry("413", "Payload too large"), Map.entry("415", "Unsupported media type"),
            Map.entry("422", "Unprocessable"), Map.entry("428", "Precondition required"),
            Map.entry("429", "Too many requests"), Map.entry("503", "Temporarily unavailable"));

    /** A problem type named in a response's description, between backquotes: {@code `idempotency-key-reused`}. */
    private static final Pattern NAMED_TYPE = Pattern.compile("`([a-z][a-z0-9-]*)`");

    private ProblemDocs() {
    }

    static Schema schema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail: a stable type, a human title, the offending fields if any")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text).addProperty("status", OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("errors", OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    static void describeRefusals(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory
                        .createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))
                        .example(example(status, response.getDescription())));
                response.setContent(content);
            }
        });
    }

    /** An example of the refusal, of the first problem type its description names (`slug`) if it names one. */
    private static Map<String, Object> example(String status, String description) {
        String title = TITLES.getOrDefault(status, "Refused");
        Matcher named = NAMED_TYPE.matcher(description == null ? "" : description);
        String slug = named.find() ? named.group(1) : title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        if ("400".equals(status)) {
            return Map.of("type", "https://publisherdesk.com/problems/invalid-request", "title", title, "status", 400,
                    "detail", "Invalid fields: amount.", "errors", List.of(Map.of("field", "amount",
                            "message", "must be a decimal string like \"120.00\"")));
        }
        return Map.of("type", "https://publisherdesk.com/problems/" + slug, "title", title,
                "status", Integer.parseInt(status), "detail", title + ".");
    }
}
