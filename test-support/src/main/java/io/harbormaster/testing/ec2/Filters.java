package io.harbormaster.testing.ec2;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * EC2's {@code Filter.N} matching: a resource matches when, for every filter, one of its values for that name matches
 * one of the filter's values ({@code *} and {@code ?} as wildcards). Filter names a resource does not know are refused,
 * as EC2 refuses them; {@code tag:KEY} works on every resource with tags.
 */
final class Filters {

    private Filters() {
    }

    /** Whether {@code attributes} (filter name to the resource's values, tags as {@code tag:KEY}) match. */
    static boolean match(Map<String, List<String>> filters, Map<String, List<String>> attributes,
                         List<String> known) {
        for (var filter : filters.entrySet()) {
            var name = filter.getKey();
            if (!name.startsWith("tag:") && !known.contains(name)) {
                throw new Ec2Error("InvalidParameterValue", "The filter '" + name + "' is invalid");
            }
            var values = attributes.getOrDefault(name, List.of());
            if (values.stream().noneMatch(value -> filter.getValue().stream().anyMatch(f -> wildcard(f, value)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wildcard(String pattern, String value) {
        var regex = new StringBuilder();
        for (var c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return value != null && value.matches(regex.toString());
    }
}
