package com.publisherdesk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.publisherdesk.contracts.FieldChange;

/**
 * What a publisher's administrators may change about their account; empty fields are null.
 *
 * @param companyName   the company's name, used in greetings
 * @param contactName   the person to address, if any
 * @param contactEmail  where the desk writes, lower case
 * @param phone         an international phone number, if any
 * @param postalAddress the postal address, if any
 * @param language      {@code en} or {@code fr}
 * @param creditConsent whether the standing consent to issue credits on the publisher's behalf is given
 */
public record Profile(String companyName, String contactName, String contactEmail, String phone,
        PostalAddress postalAddress, String language, boolean creditConsent) {

    /** The fields that differ in {@code next}, each with its old and new value as text, in a fixed order. */
    public List<FieldChange> changesTo(Profile next) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "companyName", Profile::companyName, next, Function.identity());
        compare(changes, "contactName", Profile::contactName, next, Function.identity());
        compare(changes, "contactEmail", Profile::contactEmail, next, Function.identity());
        compare(changes, "phone", Profile::phone, next, Function.identity());
        compare(changes, "postalAddress", Profile::postalAddress, next, PostalAddress::oneLine);
        compare(changes, "language", Profile::language, next, Function.identity());
        compare(changes, FieldChange.CREDIT_CONSENT, Profile::creditConsent, next,
                given -> given ? FieldChange.GIVEN : FieldChange.NOT_GIVEN);
        return changes;
    }

    private <T> void compare(List<FieldChange> changes, String field, Function<Profile, T> value, Profile next,
            Function<T, String> text) {
        T before = value.apply(this);
        T after = value.apply(next);
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before == null ? null : text.apply(before),
                    after == null ? null : text.apply(after)));
        }
    }
}
