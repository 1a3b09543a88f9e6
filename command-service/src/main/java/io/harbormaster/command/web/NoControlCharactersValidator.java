package io.harbormaster.command.web;

import io.harbormaster.api.common.ControlCharacters;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NoControlCharacters}; the message says which character and where, never the value itself. */
public class NoControlCharactersValidator implements ConstraintValidator<NoControlCharacters, String> {

    private String allowed = "";

    @Override
    public void initialize(NoControlCharacters annotation) {
        allowed = annotation.lineBreaks() ? ControlCharacters.LINE_BREAKS_AND_TABS : "";
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        int at = ControlCharacters.first(value, allowed);
        if (at < 0) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // no user text in the template: Hibernate Validator would interpret "{" and "$" in it
        context.buildConstraintViolationWithTemplate(ControlCharacters.refusal(value, at))
                .addConstraintViolation();
        return false;
    }
}
