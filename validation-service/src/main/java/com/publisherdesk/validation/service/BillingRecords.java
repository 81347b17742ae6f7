package com.publisherdesk.validation.service;

import java.util.List;

import com.publisherdesk.validation.BillingRecord;
import com.publisherdesk.validation.BillingRecord.Address;
import com.publisherdesk.validation.BillingRecordChanges;
import com.publisherdesk.validation.Customer;
import com.publisherdesk.validation.Offer;
import com.publisherdesk.validation.Subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Upserts the billing system's records into the store, all or nothing, auditing every change. */
@ApplicationScoped
@Transactional
public class BillingRecords {

    /** Imports records; the same records twice change nothing. */
    public ImportResult importAll(List<BillingRecord> records, String importedBy) {
        ImportResult result = new ImportResult(records.size(), 0, 0, 0);
        for (BillingRecord record : records) {
            result = result.plus(upsert(record, importedBy));
        }
        return result;
    }

    private Outcome upsert(BillingRecord record, String importedBy) {
        Offer offer = Offer.<Offer>findByIdOptional(record.offerId()).orElseGet(Offer::new);
        if (offer.id == null) {
            offer.id = record.offerId();
            offer.publisherId = record.publisherId();
            offer.persist();
        }
        offer.publisherId = record.publisherId();
        Customer customer = Customer.<Customer>findByIdOptional(record.customerId()).orElseGet(Customer::new);
        if (customer.id == null) {
            customer.id = record.customerId();
            customer.name = record.customerName();
            customer.persist();
        }
        Subscription subscription = Subscription.byId(record.subscriptionId()).orElse(null);
        if (subscription == null) {
            subscription = new Subscription();
            subscription.id = record.subscriptionId();
            apply(subscription, customer, offer, record, new BillingRecordChanges(subscription.id, importedBy));
            subscription.persist();
            return Outcome.CREATED;
        }
        BillingRecordChanges changes = new BillingRecordChanges(subscription.id, importedBy);
        changes.compare("customerName", customer.name, record.customerName());
        customer.name = record.customerName();
        apply(subscription, customer, offer, record, changes);
        return changes.any() ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private static void apply(Subscription subscription, Customer customer, Offer offer, BillingRecord record,
            BillingRecordChanges changes) {
        Address address = record.billingAddress();
        changes.compare("customerId", subscription.customer == null ? null : subscription.customer.id, customer.id);
        changes.compare("offerId", subscription.offer == null ? null : subscription.offer.id, offer.id);
        changes.compare("line1", subscription.addressLine1, address.line1());
        changes.compare("line2", subscription.addressLine2, address.line2());
        changes.compare("city", subscription.city, address.city());
        changes.compare("region", subscription.region, address.region());
        changes.compare("postalCode", subscription.postalCode, address.postalCode());
        changes.compare("country", subscription.country, address.country());
        subscription.customer = customer;
        subscription.offer = offer;
        subscription.addressLine1 = address.line1();
        subscription.addressLine2 = address.line2();
        subscription.city = address.city();
        subscription.region = address.region();
        subscription.postalCode = address.postalCode();
        subscription.country = address.country();
    }

    private enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * What an import did.
     *
     * @param received  records received
     * @param created   subscriptions created
     * @param updated   subscriptions changed
     * @param unchanged subscriptions already as received
     */
    public record ImportResult(int received, int created, int updated, int unchanged) {

        ImportResult plus(Outcome outcome) {
            return new ImportResult(received, created + (outcome == Outcome.CREATED ? 1 : 0),
                    updated + (outcome == Outcome.UPDATED ? 1 : 0), unchanged + (outcome == Outcome.UNCHANGED ? 1 : 0));
        }
    }

}
