package io.harbormaster.standalone;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Runs Deque's axe-core on the page a browser test shows and fails on any serious or critical violation, naming the
 * rule, its help and the elements, so a portal page that a keyboard or a screen reader cannot use fails the build.
 */
final class PortalAccessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private PortalAccessibility() {
    }

    static void assertNoSeriousViolations(WebDriver browser, String page) {
        var results = new AxeBuilder().analyze(browser);
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe-core found " + blocking.size() + " serious or critical violation(s) on "
                    + page + ":\n" + blocking.stream().map(PortalAccessibility::describe)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        var nodes = rule.getNodes().stream().limit(5).map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — " + nodes;
    }
}
