package com.publisherdesk.notification.mail;

import java.util.List;
import java.util.Map;

import com.publisherdesk.contracts.FieldChange;
import com.publisherdesk.contracts.RequestTypes;

import io.quarkus.qute.TemplateData;

/**
 * Everything the email about a change to a publisher's account prints (a profile or co-administrator change, applied
 * when it was filed), already worded for the publisher's language.
 *
 * @param publisherName who the email greets
 * @param requestId     the request's full id
 * @param reference     the short reference in the subject
 * @param requestType   the kind of request, in words
 * @param submittedAt   when the change was made, formatted
 * @param changedBy     the administrator who made it
 * @param changes       for a profile change: each field changed, before and after
 * @param adminAction   for an admin change: added or removed
 * @param adminEmail    for an admin change: the co-administrator added or removed
 */
@TemplateData
public record AccountChangeContent(String publisherName, String requestId, String reference, String requestType,
        String submittedAt, String changedBy, List<Line> changes, String adminAction, String adminEmail) {

    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "en", Map.of("companyName", "Company name", "contactName", "Contact name", "contactEmail",
                    "Contact email", "phone", "Phone", "postalAddress", "Postal address", "language", "Language",
                    FieldChange.CREDIT_CONSENT, "Standing consent to issue credits on your behalf"),
            "fr", Map.of("companyName", "Raison sociale", "contactName", "Nom du contact", "contactEmail",
                    "E-mail du contact", "phone", "Téléphone", "postalAddress", "Adresse postale", "language",
                    "Langue", FieldChange.CREDIT_CONSENT,
                    "Consentement permanent à l'émission d'avoirs en votre nom"));
    private static final Map<String, Map<String, String>> VALUES = Map.of(
            "en", Map.of(FieldChange.GIVEN, "given", FieldChange.NOT_GIVEN, "not given", "en", "English", "fr",
                    "French"),
            "fr", Map.of(FieldChange.GIVEN, "donné", FieldChange.NOT_GIVEN, "non donné", "en", "anglais", "fr",
                    "français"));
    private static final Map<String, String> NONE = Map.of("en", "(none)", "fr", "(aucun)");

    /** Whether requests of this type are changes to the account, told by this content. */
    public static boolean isAbout(String requestType) {
        return RequestTypes.PROFILE_CHANGE.equals(requestType) || RequestTypes.ADMIN_CHANGE.equals(requestType);
    }

    /** The content of a change, for the greeting and dates already worded by the composer. */
    static AccountChangeContent of(AccountChange change, String language, String publisherName, String requestId,
            String requestType, String submittedAt) {
        List<Line> lines = change.profile() == null ? List.of() : change.profile().changes().stream()
                .map(field -> Line.of(field, language)).toList();
        return new AccountChangeContent(publisherName, requestId, requestId.substring(0, 8), requestType,
                submittedAt, change.changedBy(), lines, change.admin() == null ? null : change.admin().action(),
                change.admin() == null ? null : change.admin().email());
    }

    /** The subject after the reference. */
    String subject(String language) {
        return (language.equals("fr") ? "Appliquée : votre " : "Applied: your ") + requestType;
    }

    /**
     * One field changed.
     *
     * @param label  the field, in words
     * @param before its value before
     * @param after  its value after
     */
    @TemplateData
    public record Line(String label, String before, String after) {

        static Line of(FieldChange change, String language) {
            return new Line(LABELS.get(language).getOrDefault(change.field(), change.field()),
                    value(change.oldValue(), language), value(change.newValue(), language));
        }

        private static String value(String value, String language) {
            return value == null ? NONE.get(language) : VALUES.get(language).getOrDefault(value, value);
        }
    }
}
