package com.publisherdesk.systemtests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of a service's OpenAPI document, with its parameters and its request body's schema resolved (every
 * {@code $ref} and {@code allOf} inlined), so that inputs can be generated from it alone.
 *
 * @param service the service that documents it
 * @param method  the HTTP method, in capitals
 * @param path    the path template, e.g. {@code /v1/publishers/{publisherId}/requests}
 * @param params  its path, query and header parameters
 * @param body    its request body, or null
 */
record ApiOperation(String service, String method, String path, List<Param> params, Body body) {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    /**
     * A parameter.
     *
     * @param name     its name
     * @param in       {@code path}, {@code query} or {@code header}
     * @param required whether it must be given
     * @param schema   its schema, resolved
     */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * A request body.
     *
     * @param mediaTypes the media types it may be sent as
     * @param schema     the schema of its JSON form (or of its first media type), resolved
     */
    record Body(List<String> mediaTypes, JsonNode schema) {
    }

    List<Param> params(String in) {
        return params.stream().filter(p -> p.in().equals(in)).toList();
    }

    /** Whether there is anything to feed it: a body, query or path parameters. */
    boolean takesInput() {
        return body != null || !params("query").isEmpty() || !params("path").isEmpty();
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + service + ")";
    }

    /** Every /v1 operation of one service's OpenAPI document (JSON). */
    static List<ApiOperation> of(String service, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!path.getKey().startsWith("/v1/") || !METHODS.contains(op.getKey())) {
                return;
            }
            List<Param> params = new ArrayList<>();
            for (JsonNode p : concat(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                JsonNode param = resolve(document, p, 0);
                params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                        param.path("required").asBoolean(false), resolve(document, param.path("schema"), 0)));
            }
            Body body = null;
            JsonNode content = resolve(document, op.getValue().path("requestBody"), 0).path("content");
            if (content.size() > 0) {
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                String main = types.contains("application/json") ? "application/json" : types.get(0);
                body = new Body(types, resolve(document, content.path(main).path("schema"), 0));
            }
            operations.add(new ApiOperation(service, op.getKey().toUpperCase(), path.getKey(), params, body));
        }));
        return operations;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    /** The node with every reference and {@code allOf} replaced by what it refers to. */
    private static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
        if (depth > 20 || node == null || node.isMissingNode()) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(resolve(document, item, depth + 1)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (node.has("$ref")) {
            String[] pointer = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : pointer) {
                target = target.path(part);
            }
            copy.setAll((ObjectNode) resolve(document, target, depth + 1));
        }
        for (JsonNode part : node.path("allOf")) {
            JsonNode resolved = resolve(document, part, depth + 1);
            if (resolved.isObject()) {
                merge(copy, (ObjectNode) resolved);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
                copy.set(field.getKey(), resolve(document, field.getValue(), depth + 1));
            }
        }
        return copy;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(field -> {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode more) {
                merge(object, more);
            } else if (existing instanceof ArrayNode array && field.getValue() instanceof ArrayNode more) {
                array.addAll(more);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }
}
