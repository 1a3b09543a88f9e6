package io.harbormaster.security.http;

import jakarta.validation.MessageInterpolator;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Bean validation's messages in plain words that state the rule, for the API to put after the field's name:
 * {@code name: at most 63 characters} rather than {@code size must be between 0 and 63}. Only the standard
 * constraints' own messages are replaced; a message a constraint spells out itself is kept.
 */
final class PlainConstraintWords implements MessageInterpolator {

    private static final String STANDARD = "{jakarta.validation.constraints.";

    private final MessageInterpolator standard;

    PlainConstraintWords(MessageInterpolator standard) {
        this.standard = standard;
    }

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.ROOT);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        if (template == null || !template.startsWith(STANDARD)) {
            return standard.interpolate(template, context, locale);
        }
        var attributes = context.getConstraintDescriptor().getAttributes();
        var value = context.getValidatedValue();
        var name = context.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (name) {
            case "NotNull" -> "is required";
            case "NotBlank" -> "is required and may not be blank";
            case "NotEmpty" -> "is required and may not be empty";
            case "Size" -> size((Integer) attributes.get("min"), (Integer) attributes.get("max"), value);
            case "Min", "DecimalMin" -> "at least " + attributes.get("value");
            case "Max", "DecimalMax" -> "at most " + attributes.get("value");
            case "Positive" -> "must be greater than 0";
            case "PositiveOrZero" -> "must be 0 or more";
            case "Pattern" -> "must match the pattern " + attributes.get("regexp");
            case "Email" -> "must be an e-mail address";
            default -> standard.interpolate(template, context, locale);
        };
    }

    private static String size(int min, int max, Object value) {
        var unit = value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]
                ? "entries" : "characters";
        if (min <= 0) {
            return "at most " + max + " " + unit;
        }
        if (max == Integer.MAX_VALUE) {
            return "at least " + min + " " + unit;
        }
        return min == max ? "exactly " + min + " " + unit : min + " to " + max + " " + unit;
    }
}
