package com.publisherdesk.portal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.portal.PortalConfig;

import jakarta.enterprise.context.ApplicationScoped;

/** Calls the desk's four APIs with the signed-in person's bearer token; the portal keeps nothing of its own. */
@ApplicationScoped
public class DeskApi {

    /** The desk's services, each with its base URL. */
    public enum Service {
        INTAKE, VALIDATION, BILLING, NOTIFICATION
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final PortalConfig config;

    public DeskApi(ObjectMapper json, PortalConfig config) {
        this.json = json;
        this.config = config;
    }

    /** GET {@code path} (starting with {@code /v1}) on a service. */
    public ApiAnswer get(Service service, String path, String token) {
        return send(request(service, path, token, Map.of()).GET());
    }

    /** POST a JSON body (or none when {@code body} is null). */
    public ApiAnswer post(Service service, String path, String token, Object body, Map<String, String> headers) {
        return send(request(service, path, token, headers).POST(publisher(body)));
    }

    /** PUT a JSON body. */
    public ApiAnswer put(Service service, String path, String token, Object body, Map<String, String> headers) {
        return send(request(service, path, token, headers).PUT(publisher(body)));
    }

    /** DELETE a resource. */
    public ApiAnswer delete(Service service, String path, String token) {
        return send(request(service, path, token, Map.of()).DELETE());
    }

    private HttpRequest.Builder request(Service service, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl(service) + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder;
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A body that cannot be written as JSON", e);
        }
    }

    private ApiAnswer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return ApiAnswer.of(response.statusCode(), response.headers().map(), parse(response.body()));
        } catch (IOException e) {
            throw new DeskUnavailableException(request.uri().getHost() + ":" + request.uri().getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeskUnavailableException("interrupted", e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private String baseUrl(Service service) {
        return switch (service) {
            case INTAKE -> config.services().intake();
            case VALIDATION -> config.services().validation();
            case BILLING -> config.services().billing();
            case NOTIFICATION -> config.services().notification();
        };
    }
}
