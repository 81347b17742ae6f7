package com.publisherdesk.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import com.publisherdesk.devstack.EmbeddedDatabase;

/**
 * What the desk holds, counted from the outside: the rows of every table of every schema in its PostgreSQL (Flyway's
 * history left out) and the end offset of every Kafka topic.
 *
 * @param rows    rows per {@code schema.table}
 * @param offsets end offsets per topic, summed over its partitions
 */
record DeskSnapshot(Map<String, Long> rows, Map<String, Long> offsets) {

    static DeskSnapshot take(RunningDesk desk) {
        return new DeskSnapshot(rows(desk), offsets(desk));
    }

    /** Every table or topic whose count differs from {@code before}, with both counts. */
    List<String> changesSince(DeskSnapshot before) {
        List<String> changes = new ArrayList<>();
        diff(before.rows, rows, "rows of ", changes);
        diff(before.offsets, offsets, "end offset of topic ", changes);
        return changes;
    }

    /** How many rows changed in the tables of {@code schema}, all tables together. */
    long rowsChangedIn(DeskSnapshot before, String schema) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(schema + "."))
                .mapToLong(e -> Math.abs(e.getValue() - before.rows.getOrDefault(e.getKey(), 0L))).sum();
    }

    /** How many records were added to any topic. */
    long recordsPublishedSince(DeskSnapshot before) {
        return offsets.entrySet().stream()
                .mapToLong(e -> Math.abs(e.getValue() - before.offsets.getOrDefault(e.getKey(), 0L))).sum();
    }

    private static void diff(Map<String, Long> before, Map<String, Long> after, String what, List<String> into) {
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!before.getOrDefault(name, 0L).equals(after.getOrDefault(name, 0L))) {
                into.add(what + name + ": " + before.get(name) + " -> " + after.get(name));
            }
        }
    }

    private static Map<String, Long> rows(RunningDesk desk) {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(desk.stack().database().jdbcUrl(), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_schema || '.' || table_name "
                    + "from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in "
                    + "('pg_catalog', 'information_schema') and table_name <> 'flyway_schema_history'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    rows.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the desk's rows", e);
        }
        return rows;
    }

    private static Map<String, Long> offsets(RunningDesk desk) {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", desk.bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.merge(partition.topic(),
                    info.offset(), Long::sum));
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the topics' end offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
