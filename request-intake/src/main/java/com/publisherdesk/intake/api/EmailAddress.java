package com.publisherdesk.intake.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * The value is an email address with a domain name (one dot at least), at most 320 characters, its local part made of
 * the characters addresses use in practice (letters, digits, {@code . _ % + ' -}), so that it names a path segment.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Email(regexp = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
@Size(max = 320)
@ReportAsSingleViolation
public @interface EmailAddress {

    String message() default "must be an email address such as name@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
