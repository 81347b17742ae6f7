package com.publisherdesk.kit.inbox;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

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

    /** The database is unreachable or shutting down, or a concurrent transaction won a race. */
    public static boolean isInfrastructure(Throwable failure) {
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
