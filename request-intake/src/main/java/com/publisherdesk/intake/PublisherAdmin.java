package com.publisherdesk.intake;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

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
     * call a publisher makes: a query whose plan Hibernate keeps (a Panache {@code count} is translated anew each time).
     */
    public static boolean isAdministrator(String publisherId, String email) {
        return exists("select a.email from PublisherAdmin a where a.publisherId = ?1 and lower(a.email) = lower(?2)",
                publisherId, email);
    }

    /** Whether {@code email} administers an account other than {@code publisherId}. */
    public static boolean administersAnotherThan(String publisherId, String email) {
        return exists("select a.email from PublisherAdmin a where a.publisherId <> ?1 and lower(a.email) = lower(?2)",
                publisherId, email);
    }

    private static boolean exists(String query, String publisherId, String email) {
        return !getEntityManager().createQuery(query, String.class).setParameter(1, publisherId)
                .setParameter(2, email).setMaxResults(1).getResultList().isEmpty();
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

    public static List<String> emailsOf(String publisherId) {
        return find("publisherId = ?1 order by email", publisherId).<PublisherAdmin>list().stream()
                .map(admin -> admin.email).toList();
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
