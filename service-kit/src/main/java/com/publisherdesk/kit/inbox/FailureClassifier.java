package com.publisherdesk.kit.inbox;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

/** Tells a failure worth retrying (the database away, a concurrent writer) from one that never heals. */
@ApplicationScoped
public class FailureClassifier {

    /** Failures that are neither poison nor infrastructure are retried this many times before dead-lettering. */
    static final int MAX_ATTEMPTS_FOR_UNKNOWN = 5;

    boolean isRetryable(Throwable failure, int attempt) {
        if (causedBy(failure, PoisonEventException.class) || causedBy(failure, IllegalArgumentException.class)) {
            return false;
        }
        if (isInfrastructure(failure)) {
            return true;
        }
        return attempt < MAX_ATTEMPTS_FOR_UNKNOWN;
    }

    /**
     * The database is unreachable or shutting down, or a concurrent transaction won a race: or the commit itself
     * failed without the database naming bad data (a handler's own failure surfaces before the commit, not as one).
     */
    public static boolean isInfrastructure(Throwable failure) {
        if (causedBy(failure, RollbackException.class) && !namesBadData(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof OptimisticLockException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || (cause instanceof SQLException && cause.getMessage() != null
                            && cause.getMessage().contains("acquisition timeout"))) {
                return true;
            }
            if (cause instanceof PersistenceException && cause.getCause() == null) {
                return false;
            }
        }
        return false;
    }

    /** Whether the database refused the data itself: a data exception (22) or an integrity violation (23). */
    private static boolean namesBadData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("40001")
                || state.equals("40P01") || state.equals("53300"));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
