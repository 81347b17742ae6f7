package com.publisherdesk.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** V6 turns the review notices recorded before as results into review notices, on a schema of its own. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class ReviewNoticeMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReviewNoticeRecordedAsAResultBecomesAReviewNoticeAndNothingElseChanges() throws SQLException {
        String schema = "migration_v6_" + UUID.randomUUID().toString().substring(0, 8);
        UUID inReview = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        UUID noticedTwice = UUID.randomUUID();
        try {
            migrate(schema, "5");
            owe(schema, inReview, "RESULT", "review");
            owe(schema, approved, "RESULT", "approved");
            owe(schema, noticedTwice, "RESULT", "review");
            owe(schema, noticedTwice, "REVIEW", "review");

            migrate(schema, "6");

            assertEquals("REVIEW", kinds(schema, inReview));
            assertEquals("RESULT", kinds(schema, approved));
            assertEquals("RESULT,REVIEW", kinds(schema, noticedTwice));
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement drop = connection.createStatement()) {
                drop.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/kit", "classpath:db/migration").target(target).load().migrate();
    }

    private void owe(String schema, UUID requestId, String kind, String outcome) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into " + schema + ".email (request_id, kind, status, message_id, outcome, next_attempt_at) "
                        + "values (?, ?, 'PENDING', ?, ?, now())")) {
            insert.setObject(1, requestId);
            insert.setString(2, kind);
            insert.setString(3, "<" + requestId + "." + kind + "@publisherdesk>");
            insert.setString(4, outcome);
            insert.executeUpdate();
        }
    }

    private String kinds(String schema, UUID requestId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select string_agg(kind, ',' order by kind) from " + schema + ".email where request_id = ?")) {
            select.setObject(1, requestId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
