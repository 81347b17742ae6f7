package com.publisherdesk.validation;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's subscription to an offer, with the billing address on record for it. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id")
    public Offer offer;

    @Column(name = "address_line1", nullable = false)
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(nullable = false)
    public String city;

    public String region;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String country;

    @Version
    public int version;

    public static Optional<Subscription> byId(String id) {
        return findByIdOptional(id);
    }

    /** Whether this subscription is for one of the publisher's offers. */
    public boolean belongsToPublisher(String publisherId) {
        return offer.publisherId.equals(publisherId);
    }
}
