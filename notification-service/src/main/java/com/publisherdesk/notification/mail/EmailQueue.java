package com.publisherdesk.notification.mail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.publisherdesk.notification.EmailStatus;

import jakarta.enterprise.context.ApplicationScoped;

/** The owed emails as operations read them, in plain statements on the email table's status index. */
@ApplicationScoped
public class EmailQueue {

    private static final Logger LOG = Logger.getLogger(EmailQueue.class);

    /** Every state but sent, whose rows only grow: sent emails are counted as they go out. */
    private static final String BY_STATE = "select status, count(*) from email where status <> 'SENT' group by status";
    private static final String ANY_DUE = "select exists (select 1 from email where status = 'PENDING' "
            + "and next_attempt_at <= now())";

    private final DataSource database;

    public EmailQueue(DataSource database) {
        this.database = database;
    }

    /** How many emails are pending, being sent and failed for good (sent ones are not counted here). */
    public Map<EmailStatus, Long> unsentByState() {
        Map<EmailStatus, Long> counts = new EnumMap<>(EmailStatus.class);
        counts.put(EmailStatus.PENDING, 0L);
        counts.put(EmailStatus.SENDING, 0L);
        counts.put(EmailStatus.FAILED, 0L);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(BY_STATE)) {
            while (rows.next()) {
                counts.put(EmailStatus.valueOf(rows.getString(1)), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("The emails could not be counted: " + e.getMessage(), e);
        }
    }

    /** Whether an email waits for its attempt now; empty when the database cannot say. */
    public Optional<Boolean> anyDue() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(ANY_DUE)) {
            row.next();
            return Optional.of(row.getBoolean(1));
        } catch (SQLException e) {
            LOG.debugf("Whether emails are due could not be read: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
