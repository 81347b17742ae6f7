package com.publisherdesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The {@code ./desk} commands that talk to a running desk: the emails sent so far, the events on a topic, a bearer
 * token, the status of each part and service, and stopping it. A command used the wrong way, or one that finds no desk,
 * says so in one line and ends with status 2 or 1, never with a stack trace.
 */
public final class DeskTool {

    static final String TOKEN_USAGE = "./desk token EMAIL [--role ROLE]... [--hours N]";
    static final String USAGE = "DeskTool mail MAILBOX_URL [embedded|greenmail] | events BOOTSTRAP_SERVERS TOPIC [--follow] [--request ID]"
            + " | token DATA_DIR EMAIL [--role ROLE]... [--hours N] | status DATA_DIR | stop DATA_DIR";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private DeskTool() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        try {
            System.exit(run(List.of(args)));
        } catch (DeskCommandException e) {
            System.err.println("desk: " + e.getMessage());
            System.exit(e.exitStatus());
        } catch (RuntimeException e) {
            System.err.println("desk: " + (e.getMessage() == null ? e : e.getMessage()));
            System.exit(DeskCommandException.FAILED);
        }
    }

    /** Runs one command; its exit status. */
    static int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.subList(Math.min(1, args.size()), args.size());
        switch (command) {
            case "mail" -> printMail(first(rest), rest.size() > 1 ? rest.get(1) : "embedded");
            case "events" -> DeskEvents.print(first(rest), DeskEvents.Query.parse(rest.subList(1, rest.size())),
                    System.getenv(), System.out);
            case "token" -> {
                if (rest.size() < 2) {
                    throw DeskCommandException.usage("whose token? " + TOKEN_USAGE);
                }
                printToken(Path.of(rest.get(0)), rest.get(1), rest.subList(2, rest.size()));
            }
            case "status" -> {
                return DeskStatus.print(Path.of(first(rest)), System.out) ? 0 : 1;
            }
            case "stop" -> stop(Path.of(first(rest)));
            default -> throw DeskCommandException.usage("usage: " + USAGE);
        }
        return 0;
    }

    private static String first(List<String> args) {
        if (args.isEmpty()) {
            throw DeskCommandException.usage("usage: " + USAGE);
        }
        return args.get(0);
    }

    /**
     * Prints a bearer token for {@code email} signed by the local issuer of the desk whose data is in {@code dataDir}
     * (its keys are created on first use, so a token printed before the first run works once the desk is up).
     */
    static void printToken(Path dataDir, String email, List<String> options) {
        System.out.println(DeskTokens.in(dataDir.resolve("tokens")).issue(email, roles(options), lifetime(options)));
    }

    /** The roles {@code --role} options ask for; any other option but {@code --hours N} is refused. */
    static List<String> roles(List<String> options) {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < options.size(); i += 2) {
            String option = options.get(i);
            if (!option.equals("--role") && !option.equals("--hours")) {
                throw DeskCommandException.usage("unknown option " + option + ": " + TOKEN_USAGE);
            }
            if (i + 1 == options.size()) {
                throw DeskCommandException.usage(option + " needs a value: " + TOKEN_USAGE);
            }
            if (option.equals("--role")) {
                roles.add(options.get(i + 1));
            }
        }
        return roles;
    }

    /** The lifetime {@code --hours N} asks for, the default one without it. */
    static Duration lifetime(List<String> options) {
        int at = options.lastIndexOf("--hours");
        if (at < 0 || at + 1 == options.size()) {
            return DeskTokens.DEFAULT_LIFETIME;
        }
        try {
            long hours = Long.parseLong(options.get(at + 1));
            if (hours > 0) {
                return Duration.ofHours(hours);
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw DeskCommandException.usage("--hours takes a whole number of hours above 0, not " + options.get(at + 1));
    }

    /**
     * Prints one line per email the SMTP server received (time, recipients, subject), read from the embedded desk's
     * mailbox or, for {@code greenmail}, from the API of the GreenMail server that docker-compose runs.
     */
    static void printMail(String mailboxUrl, String server) {
        if (server.equals("greenmail")) {
            System.out.print(MailboxEmail.lines(new GreenMailApi(mailboxUrl).emails()));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(mailboxUrl + "/messages.txt"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            System.out.print(response.body());
        } catch (IOException e) {
            throw DeskCommandException.failed("the mailbox does not answer at " + mailboxUrl
                    + ": is the desk running? (./desk status)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the desk running on {@code dataDir} as Ctrl-C would, and waits until it has. */
    static void stop(Path dataDir) {
        ProcessHandle desk = DeskPidFile.running(dataDir).orElseThrow(() -> DeskCommandException.failed(
                "the desk is not running on " + dataDir + " (./desk status)"));
        System.out.println("Stopping the desk (pid " + desk.pid() + ")...");
        long started = System.nanoTime();
        desk.destroy();
        try {
            desk.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw DeskCommandException.failed("the desk (pid " + desk.pid() + ") did not stop within "
                    + STOP_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw DeskCommandException.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The Kafka consumer settings for {@code bootstrapServers}, with every Kafka client setting given the way the
     * services take them: an environment variable {@code KAFKA_SECURITY_PROTOCOL} is {@code security.protocol},
     * {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}, and so on (those no consumer knows are left out).
     */
    static Properties consumerSettings(String bootstrapServers, Map<String, String> environment) {
        Properties settings = new Properties();
        environment.forEach((name, value) -> {
            String key = name.startsWith("KAFKA_") ? name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.') : "";
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }
}
