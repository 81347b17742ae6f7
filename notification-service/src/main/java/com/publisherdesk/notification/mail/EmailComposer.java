package com.publisherdesk.notification.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.CreditRequestDetails;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.contracts.RequestTypes;
import com.publisherdesk.contracts.SubscriptionValidationDetails;
import com.publisherdesk.contracts.SupportRequestDetails;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.EmailKind;
import com.publisherdesk.notification.NotifiedRequest;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;

/** Words and formats an email for the publisher's language (English or French, English when unknown). */
@ApplicationScoped
public class EmailComposer {

    private static final Map<String, Locale> LOCALES = Map.of("en", Locale.UK, "fr", Locale.FRANCE);
    private static final Map<String, Map<String, String>> TYPES = Map.of(
            "en", Map.of("credit", "credit request", "subscription-validation", "subscription validation",
                    "support", "support request", "profile-change", "profile change", "admin-change",
                    "co-administrator change"),
            "fr", Map.of("credit", "demande d'avoir", "subscription-validation", "vérification d'abonnement",
                    "support", "demande d'assistance", "profile-change", "modification du profil", "admin-change",
                    "modification des co-administrateurs"));

    private final Engine templates;
    private final Optional<String> apiUrl;

    public EmailComposer(Engine templates, MailConfig config) {
        this.templates = templates;
        this.apiUrl = config.apiUrl().map(url -> url.replaceAll("/+$", ""));
    }

    /** The subject, plain-text and HTML parts of an email. */
    public Composed compose(NotifiedRequest request, Email email) {
        String language = LOCALES.containsKey(request.language) ? request.language : "en";
        if (AccountChangeContent.isAbout(request.type)) {
            return composeAccountChange(request, language);
        }
        if (SupportContent.isAbout(request.type) && email.kind == EmailKind.ACKNOWLEDGEMENT) {
            return composeSupport(request, language);
        }
        EmailContent content = content(request, email, language);
        String name = (email.kind == EmailKind.REVIEW ? EmailKind.RESULT : email.kind).wire() + "_" + language;
        return new Composed(subject(email.kind, content, language),
                templates.getTemplate(name + ".txt").data("m", content).render(),
                templates.getTemplate(name + ".html").data("m", content).render());
    }

    /** A change to the account was applied when it was filed: its one email says what changed, and by whom. */
    private Composed composeAccountChange(NotifiedRequest request, String language) {
        String id = request.requestId.toString();
        AccountChange change = read(request.details, AccountChange.class);
        AccountChangeContent content = AccountChangeContent.of(change != null ? change
                : new AccountChange(null, null, null), language,
                request.publisherName, id, TYPES.get(language).getOrDefault(request.type, request.type),
                instant(request.submittedAt, LOCALES.get(language)));
        String name = "account-change_" + language;
        return new Composed("[Publisher Desk #" + content.reference() + "] " + content.subject(language),
                templates.getTemplate(name + ".txt").data("m", content).render(),
                templates.getTemplate(name + ".html").data("m", content).render());
    }

    /** A support request went to the team that answers its topic: its one email says which, who and how soon. */
    private Composed composeSupport(NotifiedRequest request, String language) {
        SupportContent content = SupportContent.of(read(request.details, SupportRequestDetails.class), language,
                request.publisherName, request.requestId.toString(),
                instant(request.submittedAt, LOCALES.get(language)));
        String name = "support_" + language;
        return new Composed("[Publisher Desk #" + content.reference() + "] " + content.subjectLine(language),
                templates.getTemplate(name + ".txt").data("m", content).render(),
                templates.getTemplate(name + ".html").data("m", content).render());
    }

    private static String subject(EmailKind kind, EmailContent content, String language) {
        String prefix = "[Publisher Desk #" + content.reference() + "] ";
        boolean french = language.equals("fr");
        if (kind == EmailKind.ACKNOWLEDGEMENT) {
            return prefix + (french ? "Nous avons bien reçu votre " : "We received your ") + content.requestType();
        }
        if (kind == EmailKind.AUTHORIZATION) {
            return prefix + (french ? "Votre autorisation est nécessaire pour votre "
                    : "Your authorization is needed for your ") + content.requestType();
        }
        if (kind == EmailKind.REVIEW) {
            return prefix + (french ? "Un agent du support examine votre " : "A support agent is reviewing your ")
                    + content.requestType();
        }
        return prefix + (french ? "Décision sur votre " : "Decision on your ") + content.requestType();
    }

    private EmailContent content(NotifiedRequest request, Email email, String language) {
        Locale locale = LOCALES.get(language);
        CreditRequestDetails credit = RequestTypes.CREDIT.equals(request.type)
                ? read(request.details, CreditRequestDetails.class) : null;
        SubscriptionValidationDetails validation = RequestTypes.SUBSCRIPTION_VALIDATION.equals(request.type)
                ? read(request.details, SubscriptionValidationDetails.class) : null;
        ResultDetails result = read(email.result, ResultDetails.class);
        String id = request.requestId.toString();
        String authorization = email.kind != EmailKind.AUTHORIZATION ? null
                : "/v1/publishers/" + request.publisherId + "/requests/" + id + "/credit-authorization";
        return new EmailContent(request.publisherName, id, id.substring(0, 8),
                TYPES.get(language).getOrDefault(request.type, request.type),
                credit != null ? credit.subscriptionId() : validation != null ? validation.subscriptionId() : null,
                credit == null ? null : credit.customerName(),
                credit == null ? null : money(credit.amount(), credit.currency(), locale),
                credit == null ? null : date(credit.creditPeriod().from(), locale) + " – "
                        + date(credit.creditPeriod().to(), locale),
                credit == null ? null : date(credit.billingDate(), locale),
                credit == null ? null : credit.reasonCode(), instant(request.submittedAt, locale), email.outcome,
                result == null ? null : result.creditNoteNumber(),
                result == null || result.amount() == null ? null : money(result.amount(), result.currency(), locale),
                result == null ? null : result.explanationIn(language), result == null ? null : result.reviewNote(),
                authorization == null ? null : apiUrl.map(url -> url + authorization).orElse(null), authorization);
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    private static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static String instant(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale)
                .format(instant.atZone(ZoneOffset.UTC));
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    /**
     * A composed email.
     *
     * @param subject the subject
     * @param text    the plain-text part
     * @param html    the HTML part
     */
    public record Composed(String subject, String text, String html) {
    }
}
