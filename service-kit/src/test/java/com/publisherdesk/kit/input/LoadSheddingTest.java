package com.publisherdesk.kit.input;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Requests over the limit in progress at once are refused at once; a finished request frees its place. */
class LoadSheddingTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Vertx vertx;
    private HttpServer server;
    private volatile RoutingContext held;
    private final CountDownLatch holding = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new LoadShedding(1, new ObjectMapper()).install(router);
        router.get("/v1/slow").handler(context -> {
            held = context;
            holding.countDown();
        });
        router.route("/v1/fast").handler(context -> context.response().end("ok"));
        router.get("/q/health").handler(context -> context.response().end("up"));
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldRefuseTheExcessAtOnceWithRetryAfterAndTakeRequestsAgainOnceOneFinishes() throws Exception {
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(get("/v1/slow"), BodyHandlers.ofString());
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the first request reached its handler");

        HttpResponse<String> refused = client.send(get("/v1/fast"), BodyHandlers.ofString());
        assertEquals(503, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(null));
        assertTrue(refused.body().contains("\"status\":503"), refused.body());
        assertEquals(200, client.send(get("/q/health"), BodyHandlers.ofString()).statusCode(),
                "health is never refused");

        vertx.runOnContext(ignored -> held.response().end("done"));
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.send(get("/v1/fast"), BodyHandlers.ofString()).statusCode() == 200);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, client.send(get("/v1/fast"), BodyHandlers.ofString()).statusCode(),
                    "each finished request gave its place back");
        }
    }

    @Test
    void shouldKeepAConnectionWhoseRequestWithABodyWasRefusedUsableForTheNextRequest() throws Exception {
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(get("/v1/slow"), BodyHandlers.ofString());
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the first request reached its handler");
        String body = "{\"description\":\"" + "x".repeat(64 * 1024) + "\"}";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/v1/fast"))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    BodyHandlers.ofString());
            assertEquals(503, refused.statusCode(), "refused, and the connection it came on still answers");
        }
        vertx.runOnContext(ignored -> held.response().end("done"));
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.actualPort() + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path)).build();
    }
}
