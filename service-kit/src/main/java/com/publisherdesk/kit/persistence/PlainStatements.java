package com.publisherdesk.kit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;

/**
 * Plain SQL statements on the connection of the current transaction, for the writes every event or email passes
 * through: Hibernate's path for an entity with a generated key (an identity column, written at once), a versioned
 * update of a loaded entity, or a query it translates anew on every call cost a consumer more CPU than the
 * statement itself. Each statement is prepared once per connection (the driver keeps it on the server after a few
 * uses). Rows written here are not managed by the session: callers write rows the session does not hold, or flush
 * them first.
 * <p>
 * Parameters: an {@link Instant} is bound as a UTC timestamp, an enum by its name, a {@code String[]},
 * {@code UUID[]} or {@code Long[]} as an array of that type, {@code null} as a value of the column's type, anything
 * else as the driver binds it.
 */
public final class PlainStatements {

    private PlainStatements() {
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    public static int update(EntityManager entities, String sql, Object... parameters) {
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a query (or a statement with {@code returning}); returns each row as {@code rows} reads it. */
    public static <T> List<T> query(EntityManager entities, String sql, Row<T> rows, Object... parameters) {
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                List<T> read = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        read.add(rows.read(result));
                    }
                }
                return read;
            }
        });
    }

    /** Whether a {@code select exists (...)} query (or any query whose first column is a boolean) is true. */
    public static boolean exists(EntityManager entities, String sql, Object... parameters) {
        return query(entities, sql, result -> result.getBoolean(1), parameters).stream().findFirst().orElse(false);
    }

    private static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(index, Types.OTHER);
            } else if (value instanceof Instant instant) {
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else if (value instanceof String[] strings) {
                statement.setArray(index, connection.createArrayOf("varchar", strings));
            } else if (value instanceof UUID[] uuids) {
                statement.setArray(index, connection.createArrayOf("uuid", uuids));
            } else if (value instanceof Long[] longs) {
                statement.setArray(index, connection.createArrayOf("bigint", longs));
            } else {
                statement.setObject(index, value);
            }
        }
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }
}
