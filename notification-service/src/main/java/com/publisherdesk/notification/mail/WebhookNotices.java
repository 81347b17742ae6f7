package com.publisherdesk.notification.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.publisherdesk.contracts.EventJson;
import com.publisherdesk.notification.Email;
import com.publisherdesk.notification.NotifiedRequest;
import com.publisherdesk.notification.mail.EmailComposer.Composed;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Words the email that tells a publisher one of its webhook endpoints was disabled: to its contact and
 * administrators as its latest request named them (else to whoever registered the endpoint), in their language.
 */
@ApplicationScoped
public class WebhookNotices {

    private final Engine templates;
    private final String apiUrl;

    public WebhookNotices(Engine templates, MailConfig config) {
        this.templates = templates;
        this.apiUrl = config.apiUrl().map(url -> url.replaceAll("/+$", "")).orElse("");
    }

    /** Whom the notice goes to, and what it says, given the publisher's latest request if there is one. */
    public Addressed compose(Email email, Optional<NotifiedRequest> latest) {
        WebhookNotice notice = read(email.result);
        String language = latest.map(request -> request.language).filter(lang -> lang.equals("fr")).orElse("en");
        Locale locale = language.equals("fr") ? Locale.FRANCE : Locale.UK;
        String webhook = apiUrl + "/v1/publishers/" + notice.publisherId() + "/webhooks/" + notice.webhookId();
        Content content = new Content(latest.map(request -> request.publisherName).orElse(notice.publisherId()),
                notice.url(), DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale)
                        .format(notice.disabledAt().atZone(ZoneOffset.UTC)), notice.eventType(), notice.lastError(),
                webhook + "/deliveries", webhook + "/enable");
        String name = "webhook-disabled_" + language;
        String subject = "[Publisher Desk] " + (language.equals("fr") ? "Webhook désactivé : " : "Webhook disabled: ")
                + notice.url();
        Composed composed = new Composed(subject, templates.getTemplate(name + ".txt").data("m", content).render(),
                templates.getTemplate(name + ".html").data("m", content).render());
        return new Addressed(latest.map(request -> request.toAddress).orElse(notice.createdBy()),
                latest.map(NotifiedRequest::cc).orElse(List.of()), composed);
    }

    /** The notice as stored with its email. */
    public static String write(WebhookNotice notice) {
        return EventJson.write(notice);
    }

    private static WebhookNotice read(String json) {
        try {
            return EventJson.mapper().readValue(json, WebhookNotice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored webhook notice is not readable", e);
        }
    }

    /**
     * An email with its recipients.
     *
     * @param to       the main recipient
     * @param cc       the others
     * @param composed its subject and parts
     */
    public record Addressed(String to, List<String> cc, Composed composed) {

        public List<String> recipients() {
            List<String> all = new java.util.ArrayList<>(List.of(to));
            all.addAll(cc);
            return all;
        }
    }

    /**
     * What the templates print.
     *
     * @param publisherName who the email greets
     * @param url           the endpoint disabled
     * @param disabledAt    when, formatted
     * @param eventType     the event whose delivery was still failing when its retry window closed
     * @param lastError     how its last attempt failed
     * @param deliveriesUrl where its delivery log is read
     * @param enableUrl     where an administrator enables it again
     */
    @TemplateData
    public record Content(String publisherName, String url, String disabledAt, String eventType, String lastError,
            String deliveriesUrl, String enableUrl) {
    }
}
