package com.publisherdesk.validation;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited change to the billing-address store. */
@Entity
@Table(name = "billing_record_change")
public class BillingRecordChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(nullable = false)
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    static void record(String subscriptionId, String field, String oldValue, String newValue, String changedBy) {
        BillingRecordChange change = new BillingRecordChange();
        change.subscriptionId = subscriptionId;
        change.field = field;
        change.oldValue = oldValue;
        change.newValue = newValue;
        change.changedAt = Instant.now();
        change.changedBy = changedBy;
        change.persist();
    }
}
