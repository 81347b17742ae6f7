package com.publisherdesk.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The published list of reasons a publisher may give for a credit or refund. */
public enum CreditReason {

    SERVICE_OUTAGE("service-outage", "Service outage"),
    BILLING_ERROR("billing-error", "Billing error"),
    ACCIDENTAL_PURCHASE("accidental-purchase", "Accidental purchase"),
    CANCELLED_BUT_CHARGED("cancelled-but-charged", "Cancelled but charged"),
    DISSATISFACTION("dissatisfaction", "Dissatisfaction with the service"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    CreditReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static boolean isKnown(String code) {
        return Arrays.stream(values()).anyMatch(reason -> reason.code.equals(code));
    }

    /** The value is one of the published reason codes. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = KnownValidator.class)
    public @interface Known {

        String message() default "must be one of the reason codes listed at /v1/credit-reasons";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks a code against the list. */
    public static class KnownValidator implements ConstraintValidator<Known, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isKnown(value);
        }
    }
}
