package com.publisherdesk.kit.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that is one line (a name, a subject, an address line): no line break nor tab, which would otherwise reach the
 * headers and lines of the desk's emails. Only free text (a description, a note) may span lines.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleLine.Validator.class)
public @interface SingleLine {

    String message() default "must be one line: no line breaks or tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Refuses CR, LF, tab and the Unicode line and paragraph separators. */
    class Validator implements ConstraintValidator<SingleLine, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isSingleLine(value);
        }

        /** Whether {@code text} holds no line break nor tab. */
        public static boolean isSingleLine(String text) {
            return text.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t' || c == '\u000b' || c == '\f'
                    || c == '\u0085' || c == '\u2028' || c == '\u2029');
        }
    }
}
