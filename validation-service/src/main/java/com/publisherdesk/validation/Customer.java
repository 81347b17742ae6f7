package com.publisherdesk.validation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A marketplace customer as the billing system knows it. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;
}
