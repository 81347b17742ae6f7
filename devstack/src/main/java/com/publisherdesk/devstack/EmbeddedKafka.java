package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/** Apache Kafka's own broker in KRaft mode (broker and controller in one node), in this JVM; restartable. */
public final class EmbeddedKafka {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * Describes a broker without starting it.
     *
     * @param logDir where the broker keeps its log and metadata; reused across restarts
     * @param port   the client port (0 picks a free one, kept across restarts)
     */
    public EmbeddedKafka(Path logDir, int port) {
        this.logDir = logDir;
        this.port = Ports.orFree(port);
        this.controllerPort = Ports.orFree(0);
    }

    /** Formats the storage on first use and starts the broker. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            KafkaConfig config = KafkaConfig.fromProps(settings(), false);
            format(config);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return this;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions. */
    public void createTopics(java.util.Collection<String> names, int partitions) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", bootstrapServers()))) {
            java.util.Set<String> existing = admin.listTopics().names().get();
            java.util.List<org.apache.kafka.clients.admin.NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new org.apache.kafka.clients.admin.NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + names, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker; its data stays for the next start. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private Properties settings() {
        Properties props = new Properties();
        props.put("node.id", "1");
        props.put("process.roles", "broker,controller");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        // A clean stop tells the controller the broker is leaving, so that on the next start it registers again at
        // once; without it the restarted broker waited for its old registration's session to expire (about 9 s).
        props.put("controlled.shutdown.enable", "true");
        props.put("log.flush.interval.messages", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        return props;
    }

    private void format(KafkaConfig config) {
        try {
            Files.createDirectories(logDir);
            Formatter formatter = new Formatter()
                    .setClusterId(clusterId())
                    .setNodeId(config.nodeId())
                    .setIgnoreFormatted(true)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            formatter.addDirectory(logDir.toString());
            formatter.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir, e);
        }
    }

    /** The cluster id is chosen once per data directory so that a restart finds its own storage. */
    private String clusterId() throws IOException {
        Path file = logDir.resolveSibling(logDir.getFileName() + ".cluster-id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }
}
