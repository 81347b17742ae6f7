package com.publisherdesk.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.publisherdesk.devstack.DeskServices;
import com.publisherdesk.devstack.DeskTokens;
import com.publisherdesk.devstack.DevStack;
import com.publisherdesk.devstack.DevStackOptions;
import com.publisherdesk.devstack.Mailbox;
import com.publisherdesk.devstack.Ports;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The whole desk for system tests: real parts, the four packaged services and the portal as separate processes. */
final class RunningDesk implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    private final DevStack stack;
    private final DeskServices services;
    private final OtlpReceiver traces;

    private RunningDesk(DevStack stack, DeskServices services, OtlpReceiver traces) {
        this.stack = stack;
        this.services = services;
        this.traces = traces;
    }

    private static RunningDesk shared;

    /** One desk for every system test of this run, stopped when the tests' JVM exits. */
    static synchronized RunningDesk shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "desk-shutdown"));
        }
        return shared;
    }

    /**
     * Starts everything on free ports with the demo data set and waits until every service is ready. The services
     * export their spans to a receiver in the tests: the requests whose caller's {@code traceparent} is sampled, and
     * one in ten of the traces that would start in the desk (so that tracing costs the other tests little, while a
     * statement of the desk's polls that started a trace would be seen among them).
     */
    static RunningDesk start() throws IOException {
        OtlpReceiver traces = OtlpReceiver.start();
        DevStack stack;
        try {
            stack = DevStack.start(DevStackOptions.forTests());
        } catch (RuntimeException e) {
            traces.close();
            throw e;
        }
        Map<String, String> environment = new LinkedHashMap<>(DeskServices.environmentFor(stack.quarkusConfig()));
        environment.put("DEMO_DATA", "true");
        // The fault-injection streams file hundreds of subscription validations for one publisher within the hour.
        environment.put("VALIDATION_LIMIT_PER_PUBLISHER", "100000");
        // Webhook receivers run in the tests, on loopback; their retries are seconds apart, not minutes.
        environment.put("WEBHOOKS_ALLOW_LOOPBACK", "true");
        environment.put("WEBHOOKS_FIRST_RETRY", "1S");
        environment.put("WEBHOOKS_MAX_BACKOFF", "3S");
        environment.put("WEBHOOKS_CLAIM_TIMEOUT", "10S");
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
        environment.put("OTEL_TRACES_SAMPLER", "parentbased_traceidratio");
        environment.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.1");
        DeskServices services = DeskServices.of(ROOT,
                DeskServices.withPortal(DeskServices.freePorts(), Ports.free()), environment,
                stack.dataDir().resolve("logs"), DeskServices.DESK_JVM_OPTIONS);
        try {
            services.startAll(Duration.ofMinutes(3));
        } catch (RuntimeException | IOException e) {
            services.close();
            stack.close();
            traces.close();
            throw e;
        }
        return new RunningDesk(stack, services, traces);
    }

    String url(String service) {
        return services.get(service).url();
    }

    String bootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    /** A request by the demo administrator of {@code publisherId} ({@code admin@<publisherId>.example}). */
    RequestSpecification asAdminOf(String publisherId) {
        return RestAssured.given().auth().oauth2(adminToken(publisherId));
    }

    String adminToken(String publisherId) {
        return stack.tokens().person("admin@" + publisherId + ".example");
    }

    /** A request by a desk operator. */
    RequestSpecification asOperator() {
        return RestAssured.given().auth().oauth2(stack.tokens().operator("operator@desk.example"));
    }

    /** A request by a support agent. */
    RequestSpecification asSupportAgent(String email) {
        return RestAssured.given().auth().oauth2(stack.tokens().supportAgent(email));
    }

    /** The spans the services exported. */
    OtlpReceiver traces() {
        return traces;
    }

    DeskTokens tokens() {
        return stack.tokens();
    }

    Mailbox mailbox() {
        return new Mailbox(stack.mail().mailboxUrl());
    }

    DeskServices services() {
        return services;
    }

    DevStack stack() {
        return stack;
    }

    @Override
    public void close() {
        services.close();
        stack.close();
        traces.close();
    }
}
