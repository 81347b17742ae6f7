package com.publisherdesk.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.publisherdesk.systemtests.subscriber.CreditDecisionsSubscriber;

/**
 * The README's subscriber reads credit-decisions in its own group and applies every decision exactly once, though it
 * dies between applying decisions and committing its offsets and a new instance takes over.
 */
class CreditDecisionsSubscriberIT {

    @Test
    void shouldApplyEveryDecisionOnceAcrossACrashBeforeItsOffsetsWereCommitted(@TempDir Path dir) throws Exception {
        RunningDesk desk = RunningDesk.shared();
        List<String> filed = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            filed.add(Credits.file(desk, "northwind", 10 + day, "7.00"));
        }
        Path ledger = dir.resolve("credit-ledger.tsv");
        String group = "downstream-billing-" + UUID.randomUUID();

        try (CrashingSubscriber first = new CrashingSubscriber(desk.bootstrapServers(), group, ledger, 2)) {
            assertThrows(IllegalStateException.class, () -> {
                while (true) {
                    first.pollOnce(Duration.ofSeconds(1));
                }
            });
        }
        assertEquals(2, lines(ledger).size(), "the first instance applied two decisions, then died");

        try (CreditDecisionsSubscriber second = new CreditDecisionsSubscriber(desk.bootstrapServers(), group, ledger)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                second.pollOnce(Duration.ofMillis(500));
                return filed.stream().allMatch(id -> lines(ledger).stream().anyMatch(line -> line.contains("\t" + id)
                        && (line.contains("credit.approved.v1") || line.contains("credit.denied.v1"))));
            });
            assertTrue(second.duplicatesSkipped() >= 1,
                    "what was applied but not committed before the crash came again");
        }
        List<String> eventIds = lines(ledger).stream().map(line -> line.split("\t")[0]).toList();
        assertEquals(eventIds.size(), eventIds.stream().distinct().count(), "a decision was applied twice");
    }

    private static List<String> lines(Path ledger) {
        try {
            return Files.exists(ledger) ? Files.readAllLines(ledger) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Dies, as a process would, after applying {@code limit} decisions and before committing its offsets. */
    private static final class CrashingSubscriber extends CreditDecisionsSubscriber {

        private int left;

        CrashingSubscriber(String bootstrapServers, String group, Path ledger, int limit) throws IOException {
            super(bootstrapServers, group, ledger);
            this.left = limit;
        }

        @Override
        protected boolean apply(ConsumerRecord<String, String> record) throws IOException {
            if (left == 0) {
                throw new IllegalStateException("the process died");
            }
            boolean applied = super.apply(record);
            if (applied) {
                left--;
            }
            return applied;
        }
    }
}
