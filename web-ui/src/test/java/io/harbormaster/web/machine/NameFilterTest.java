package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineFilter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameFilterTest {

    @Test
    void blankTextMeansEveryMachine() {
        assertThat(NameFilter.containing("  ")).isEqualTo(MachineFilter.any());
        assertThat(NameFilter.containing(null)).isEqualTo(MachineFilter.any());
    }

    @Test
    void plainTextBecomesAContainsMatchOnTheWholeName() {
        assertThat(NameFilter.containing(" web ").nameRegex()).isEqualTo(".*web.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "a*", "(x)", "[y]", "{2}", "a|b", "^x$", "a+b?", "back\\slash", "web-1"})
    void everyMetacharacterIsTakenLiterally(String text) {
        var regex = NameFilter.containing(text).nameRegex();

        assertThat(Pattern.matches(regex, "pre" + text + "post")).isTrue();
        assertThat(Pattern.matches(regex, "prepost")).isFalse();
    }

    @Test
    void aDotIsADotNotAnyCharacter() {
        var regex = NameFilter.containing("web.1").nameRegex();

        assertThat(Pattern.matches(regex, "web.1")).isTrue();
        assertThat(Pattern.matches(regex, "web-1")).isFalse();
    }

    @Test
    void escapesWithPlainBackslashesThatPostgresUnderstandsToo() {
        // No \Q...\E: PostgreSQL's regular expressions do not know it.
        assertThat(NameFilter.escape("a.b(c)")).isEqualTo("a\\.b\\(c\\)");
    }

    @Test
    void theLongestTextTheFieldAllowsStillMakesAValidFilter() {
        var text = "*".repeat(NameFilter.MAX_TEXT_LENGTH);

        assertThat(NameFilter.containing(text).nameRegex()).hasSizeLessThanOrEqualTo(MachineFilter.MAX_REGEX_LENGTH);
    }
}
