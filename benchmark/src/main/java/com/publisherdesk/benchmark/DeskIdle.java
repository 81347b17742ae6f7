package com.publisherdesk.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the desk has nothing left to do: every service's consumer group has read its topics to the end, every
 * outbox is empty and no email waits to be sent. After a backlog's last result email, intake still applies the
 * events that followed it (each request's verdict, decision and emails, for its timeline); a measurement started
 * then would count that work, or time requests that share the machine with it.
 */
final class DeskIdle {

    /** The consumer groups of the desk's services (their application names); the benchmark's own are left out. */
    private static final Set<String> GROUPS = Set.of("request-intake", "validation-service", "billing-credit-service",
            "notification-service");
    private static final String UNFINISHED = "select (select count(*) from intake.outbox_event)"
            + " + (select count(*) from validation.outbox_event) + (select count(*) from billing.outbox_event)"
            + " + (select count(*) from notification.outbox_event)"
            + " + (select count(*) from notification.email where status in ('PENDING', 'SENDING'))";
    /** Consumers commit their offsets every few seconds: idle means nothing left over this long. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private DeskIdle() {
    }

    /** Waits until the desk is idle, at most {@code limit}; returns how long it waited. */
    static Duration await(String bootstrapServers, StageCounts counts, Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long quietSince = 0;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                boolean idle = counts.count(UNFINISHED) == 0 && lag(admin) == 0;
                if (!idle) {
                    quietSince = 0;
                } else if (quietSince == 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The records the desk's consumer groups have not committed yet, over every partition they read. */
    private static long lag(Admin admin) throws InterruptedException, ExecutionException {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (!GROUPS.contains(group.groupId())) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                if (offset.getValue() != null) {
                    lag += Math.max(0, ends.get(offset.getKey()).offset() - offset.getValue().offset());
                }
            }
        }
        return lag;
    }
}
