package io.harbormaster.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Validation messages state the rule in plain words, for the API to put after the field's name. */
class PlainConstraintWordsTest {

    record Request(@NotBlank @Size(max = 63) String name, @NotNull @Size(min = 12, max = 128) String password,
            @Size(max = 2) Map<String, String> options, @Size(min = 3) String code,
            @Pattern(regexp = "[a-z]+", message = "must be lower-case letters") String kind) {
    }

    @Test
    void eachStandardConstraintSaysItsRule() {
        var configuration = Validation.byDefaultProvider().configure();
        try (var factory = configuration.messageInterpolator(
                new PlainConstraintWords(configuration.getDefaultMessageInterpolator())).buildValidatorFactory()) {
            var messages = new TreeMap<String, String>();
            factory.getValidator().validate(new Request("a".repeat(64), "short", Map.of("a", "1", "b", "2", "c", "3"),
                    "ab", "UPPER")).forEach(v -> messages.put(v.getPropertyPath().toString(), v.getMessage()));
            assertThat(messages).containsEntry("name", "at most 63 characters")
                    .containsEntry("password", "12 to 128 characters")
                    .containsEntry("options", "at most 2 entries")
                    .containsEntry("code", "at least 3 characters")
                    .containsEntry("kind", "must be lower-case letters");
            var missing = new TreeMap<String, String>();
            factory.getValidator().validate(new Request(" ", null, null, null, null))
                    .forEach(v -> missing.put(v.getPropertyPath().toString(), v.getMessage()));
            assertThat(missing).containsEntry("name", "is required and may not be blank")
                    .containsEntry("password", "is required");
        }
    }
}
