package com.publisherdesk.intake;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An administrator of a publisher account, by email. */
@Entity
@Table(name = "publisher_admin")
@IdClass(PublisherAdmin.Key.class)
public class PublisherAdmin extends PanacheEntityBase {

    @Id
    @Column(name = "publisher_id")
    public String publisherId;

    @Id
    public String email;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /**
     * Whether {@code email} administers {@code publisherId}; emails are compared case-insensitively. Asked on every
     * call a publisher makes: a plain statement, which Hibernate neither translates nor maps to entities.
     */
    public static boolean isAdministrator(String publisherId, String email) {
        return exists("select exists (select 1 from publisher_admin where publisher_id = ?1 "
                + "and lower(email) = lower(?2))", publisherId, email);
    }

    /** Whether {@code email} administers an account other than {@code publisherId}. */
    public static boolean administersAnotherThan(String publisherId, String email) {
        return exists("select exists (select 1 from publisher_admin where publisher_id <> ?1 "
                + "and lower(email) = lower(?2))", publisherId, email);
    }

    private static boolean exists(String statement, String publisherId, String email) {
        return (Boolean) administrators(statement).setParameter(1, publisherId).setParameter(2, email)
                .getSingleResult();
    }

    /** The administrator of {@code publisherId} with this email, compared case-insensitively. */
    public static java.util.Optional<PublisherAdmin> of(String publisherId, String email) {
        return find("publisherId = ?1 and lower(email) = lower(?2)", publisherId, email).firstResultOptional();
    }

    /** The administrators of a publisher, by email. */
    public static List<PublisherAdmin> ofPublisher(String publisherId) {
        return list("publisherId = ?1 order by email", publisherId);
    }

    /** Makes {@code email} (lower case) an administrator of {@code publisherId} from {@code at}. */
    public static PublisherAdmin add(String publisherId, String email, Instant at) {
        PublisherAdmin admin = new PublisherAdmin();
        admin.publisherId = publisherId;
        admin.email = email.toLowerCase(java.util.Locale.ROOT);
        admin.addedAt = at;
        admin.persist();
        return admin;
    }

    /** The addresses of a publisher's administrators, in order: read for every request filed, as plain strings. */
    public static List<String> emailsOf(String publisherId) {
        return administrators("select email from publisher_admin where publisher_id = ?1 order by email")
                .setParameter(1, publisherId).getResultList().stream().map(String.class::cast).toList();
    }

    /** A statement over the administrators that flushes only pending changes to them before it runs. */
    private static NativeQuery<?> administrators(String statement) {
        return getEntityManager().createNativeQuery(statement).unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(PublisherAdmin.class);
    }

    /**
     * The composite key.
     *
     * @param publisherId the publisher
     * @param email       the administrator's address
     */
    public record Key(String publisherId, String email) implements Serializable {
    }
}
