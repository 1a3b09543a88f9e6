package io.harbormaster.command.secret.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Vault ACL policy for {@link VaultStandIn}, reduced to what the tests need: rules of a path (exact, or a prefix
 * ending in {@code *}, as in Vault's HCL) and the capabilities it grants. The first matching rule decides.
 */
public record StandInPolicy(String name, List<Rule> rules) {

    /** Everything everywhere, like Vault's root policy. */
    public static StandInPolicy root() {
        return new StandInPolicy("root", List.of(new Rule("*", Set.of("create", "read", "update", "delete", "list"))));
    }

    static StandInPolicy named(String name) {
        return new StandInPolicy(name, List.of());
    }

    /** This policy plus one rule. */
    StandInPolicy allow(String path, String... capabilities) {
        var more = new ArrayList<>(rules);
        more.add(new Rule(path, Set.of(capabilities)));
        return new StandInPolicy(name, List.copyOf(more));
    }

    boolean permits(String path, String capability) {
        return rules.stream().filter(rule -> rule.matches(path)).findFirst()
                .map(rule -> rule.capabilities().contains(capability))
                .orElse(false);
    }

    record Rule(String path, Set<String> capabilities) {

        boolean matches(String candidate) {
            return path.endsWith("*") ? candidate.startsWith(path.substring(0, path.length() - 1))
                    : candidate.equals(path);
        }
    }
}
