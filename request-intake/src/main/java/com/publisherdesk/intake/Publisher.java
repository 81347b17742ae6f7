package com.publisherdesk.intake;

import java.util.List;
import java.util.Optional;

import com.publisherdesk.contracts.Recipients;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A publisher account: who it is, how to reach it, and in which language. */
@Entity
@Table(name = "publisher")
public class Publisher extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String language;

    @Version
    public int version;

    public static Optional<Publisher> byId(String id) {
        return findByIdOptional(id);
    }

    /** The contact address and the co-administrators, who hear about every request. */
    public Recipients recipients() {
        List<String> cc = PublisherAdmin.emailsOf(id).stream()
                .filter(email -> !email.equalsIgnoreCase(contactEmail)).toList();
        return new Recipients(companyName, contactEmail, cc, language);
    }
}
