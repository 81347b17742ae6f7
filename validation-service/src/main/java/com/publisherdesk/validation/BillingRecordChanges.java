package com.publisherdesk.validation;

import java.util.Objects;

/** Collects and audits the field changes of one subscription during an import. */
public final class BillingRecordChanges {

    private final String subscriptionId;
    private final String changedBy;
    private int count;

    public BillingRecordChanges(String subscriptionId, String changedBy) {
        this.subscriptionId = subscriptionId;
        this.changedBy = changedBy;
    }

    /** Records a change of {@code field} when the values differ. */
    public void compare(String field, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            BillingRecordChange.record(subscriptionId, field, oldValue, newValue, changedBy);
            count++;
        }
    }

    public boolean any() {
        return count > 0;
    }
}
