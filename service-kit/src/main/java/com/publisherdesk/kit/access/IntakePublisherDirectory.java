package com.publisherdesk.kit.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.publisherdesk.kit.problem.ProblemException;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks request intake, which keeps the publisher accounts, whether the caller administers a publisher: it presents
 * the caller's own token to {@code GET /v1/publishers/{publisherId}/access}, so intake applies its own rule.
 */
@ApplicationScoped
@DefaultBean
public class IntakePublisherDirectory implements PublisherDirectory {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI intake;

    public IntakePublisherDirectory(@ConfigProperty(name = "desk.intake.url") URI intake) {
        this.intake = intake;
    }

    @Override
    public boolean isAdministrator(String publisherId, Caller caller) {
        HttpRequest request = HttpRequest.newBuilder(intake.resolve("/v1/publishers/"
                + URLEncoder.encode(publisherId, StandardCharsets.UTF_8).replace("+", "%20") + "/access"))
                .header("Authorization", "Bearer " + caller.token()).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return true;
            }
            if (status >= 400 && status < 500) {
                return false;
            }
            throw unavailable();
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("accounts-unavailable",
                "The publisher accounts cannot be reached to check your access right now. Retry shortly.", 5);
    }
}
