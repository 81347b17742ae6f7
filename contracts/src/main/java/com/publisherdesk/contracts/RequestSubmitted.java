package com.publisherdesk.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A publisher filed a request and the desk accepted it. On the wire, its {@code type} names the kind of request and
 * the field of that name holds what was filed ({@code credit} with its {@code creditAuthorization} when the publisher
 * gave a standing consent, {@code subscriptionValidation}, {@code profileChange}, {@code adminChange} or
 * {@code support}); a record that names a type without its details is unreadable.
 *
 * @param requestId            the request's id, also the record key
 * @param publisherId          the publisher that filed it
 * @param submittedAt          when the desk accepted it
 * @param acknowledgementDueBy when the acknowledgement email is due at the latest
 * @param submittedBy          who filed it (an administrator's email)
 * @param recipients           who is told about it
 * @param details              what was filed, by kind of request
 */
public record RequestSubmitted(String requestId, String publisherId, Instant submittedAt,
        Instant acknowledgementDueBy, String submittedBy, Recipients recipients, @JsonIgnore RequestDetails details) {

    public RequestSubmitted {
        if (details == null) {
            throw new IllegalArgumentException("A submitted request needs its details");
        }
    }

    /** Reads the wire form: the details of the kind of request its {@code type} names. */
    @JsonCreator
    static RequestSubmitted fromWire(@JsonProperty("requestId") String requestId,
            @JsonProperty("publisherId") String publisherId, @JsonProperty("type") String type,
            @JsonProperty("submittedAt") Instant submittedAt,
            @JsonProperty("acknowledgementDueBy") Instant acknowledgementDueBy,
            @JsonProperty("submittedBy") String submittedBy, @JsonProperty("recipients") Recipients recipients,
            @JsonProperty("credit") CreditRequestDetails credit,
            @JsonProperty("subscriptionValidation") SubscriptionValidationDetails subscriptionValidation,
            @JsonProperty("creditAuthorization") CreditAuthorization creditAuthorization,
            @JsonProperty("profileChange") ProfileChangeDetails profileChange,
            @JsonProperty("adminChange") AdminChangeDetails adminChange,
            @JsonProperty("support") SupportRequestDetails support) {
        RequestDetails details = switch (type == null ? "" : type) {
            case RequestTypes.CREDIT -> new RequestDetails.Credit(credit, creditAuthorization);
            case RequestTypes.SUBSCRIPTION_VALIDATION -> new RequestDetails.SubscriptionValidation(
                    subscriptionValidation);
            case RequestTypes.PROFILE_CHANGE -> new RequestDetails.ProfileChange(profileChange);
            case RequestTypes.ADMIN_CHANGE -> new RequestDetails.AdminChange(adminChange);
            case RequestTypes.SUPPORT -> new RequestDetails.Support(support);
            default -> throw new IllegalArgumentException("Unknown request type " + type);
        };
        return new RequestSubmitted(requestId, publisherId, submittedAt, acknowledgementDueBy, submittedBy,
                recipients, details);
    }

    /** The kind of request, one of {@link RequestTypes}. */
    @JsonProperty("type")
    public String type() {
        return details.type();
    }

    @JsonProperty("credit")
    private CreditRequestDetails wireCredit() {
        return details instanceof RequestDetails.Credit credit ? credit.request() : null;
    }

    @JsonProperty("creditAuthorization")
    private CreditAuthorization wireCreditAuthorization() {
        return details instanceof RequestDetails.Credit credit ? credit.standingConsent() : null;
    }

    @JsonProperty("subscriptionValidation")
    private SubscriptionValidationDetails wireSubscriptionValidation() {
        return details instanceof RequestDetails.SubscriptionValidation validation ? validation.validation() : null;
    }

    @JsonProperty("profileChange")
    private ProfileChangeDetails wireProfileChange() {
        return details instanceof RequestDetails.ProfileChange change ? change.change() : null;
    }

    @JsonProperty("adminChange")
    private AdminChangeDetails wireAdminChange() {
        return details instanceof RequestDetails.AdminChange change ? change.change() : null;
    }

    @JsonProperty("support")
    private SupportRequestDetails wireSupport() {
        return details instanceof RequestDetails.Support support ? support.support() : null;
    }
}
