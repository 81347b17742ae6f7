package com.publisherdesk.kit.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

import com.publisherdesk.kit.input.InputRules;
import com.publisherdesk.kit.input.SingleLine;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields of a credit request, defined once for every body that carries them: the request a publisher files
 * (intake) and the draft the policy's dry run decides (billing) accept and refuse the same values.
 */
public final class CreditFields {

    private CreditFields() {
    }

    /** The customer's subscription: an identifier of at most 64 characters. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = InputRules.IDENTIFIER, message = InputRules.IDENTIFIER_RULE)
    public @interface SubscriptionId {

        String message() default "must be letters, digits, '.', '_' or '-', at most 64 of them";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The customer's name, one line of at most 200 characters. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @NotBlank
    @Size(max = 200)
    @SingleLine
    public @interface CustomerName {

        String message() default "must be one line of at most 200 characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The amount to credit: a decimal string with at most two decimals, from 0.01 to 9 999 999 999.99. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @NotNull
    @Size(max = 13)
    @Pattern(regexp = "\\d{1,10}(\\.\\d{1,2})?", message = "must be a decimal string like \"120.00\"")
    @DecimalMin(value = "0.01", message = "must be at least 0.01")
    public @interface Amount {

        String message() default "must be a decimal string like \"120.00\", at least 0.01";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The currency: an ISO 4217 code the JDK knows, such as EUR. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CurrencyValidator.class)
    @NotNull
    @Size(max = 3)
    public @interface CurrencyCode {

        String message() default "must be an ISO 4217 currency code such as EUR or USD";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The reason for the credit: one of the published reason codes ({@link CreditReason}). */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ReasonValidator.class)
    @Size(max = 40)
    public @interface ReasonCode {

        String message() default "must be one of the reason codes listed at /v1/credit-reasons";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks a currency code against the currencies the JDK knows. */
    public static class CurrencyValidator implements ConstraintValidator<CurrencyCode, String> {

        private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CODES.contains(value);
        }
    }

    /** Checks a reason code against the published list. */
    public static class ReasonValidator implements ConstraintValidator<ReasonCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CreditReason.isKnown(value);
        }
    }
}
