package com.publisherdesk.validation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A marketplace offer, and so the publisher its subscriptions belong to. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;
}
