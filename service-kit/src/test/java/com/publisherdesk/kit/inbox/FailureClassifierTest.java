package com.publisherdesk.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.transaction.RollbackException;

/** A commit that fails while the database is away is retried; one the database refused for its data is not. */
class FailureClassifierTest {

    @Test
    void shouldRetryACommitThatFailedWithoutTheDatabaseNamingBadData() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        assertTrue(FailureClassifier.isInfrastructure(new IllegalStateException(commit)));
    }

    @Test
    void shouldNotRetryACommitTheDatabaseRefusedForItsData() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertFalse(FailureClassifier.isInfrastructure(new IllegalStateException(commit)));
    }

    @Test
    void shouldRetryALostConnection() {
        assertTrue(FailureClassifier.isInfrastructure(new SQLException("Connection refused", "08001")));
    }
}
