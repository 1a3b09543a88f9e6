package io.harbormaster.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text holds no control character (U+0000–U+001F, U+007F), or only tab, line feed and carriage return when
 * {@code lineBreaks} is set (for multi-line values such as a private key). Such characters would reach events and
 * read models, where PostgreSQL refuses NUL and the others garble logs and exports.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoControlCharactersValidator.class)
public @interface NoControlCharacters {

    boolean lineBreaks() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
