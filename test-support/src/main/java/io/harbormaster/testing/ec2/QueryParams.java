package io.harbormaster.testing.ec2;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one Query API request, {@code Action=RunInstances&ImageId=…&InstanceId.1=…}, with the readers
 * for EC2's flattened lists ({@code Prefix.N} and {@code Prefix.N.Member}).
 */
record QueryParams(Map<String, String> values) {

    static QueryParams parse(String form) {
        var values = new LinkedHashMap<String, String>();
        for (var pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var eq = pair.indexOf('=');
            var key = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return new QueryParams(values);
    }

    String get(String name) {
        return values.get(name);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    String require(String name) {
        return optional(name).orElseThrow(() -> new Ec2Error("MissingParameter",
                "The request must contain the parameter " + name));
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(values.get(name));
    }

    /** {@code Prefix.1}, {@code Prefix.2}, … while present. */
    List<String> list(String prefix) {
        var items = new ArrayList<String>();
        for (int i = 1; values.containsKey(prefix + "." + i); i++) {
            items.add(values.get(prefix + "." + i));
        }
        return items;
    }

    /** The members {@code Prefix.1.…}, {@code Prefix.2.…} as parameters of their own, while present. */
    List<QueryParams> members(String prefix) {
        var members = new ArrayList<QueryParams>();
        for (int i = 1; ; i++) {
            var start = prefix + "." + i + ".";
            var member = new LinkedHashMap<String, String>();
            values.forEach((key, value) -> {
                if (key.startsWith(start)) {
                    member.put(key.substring(start.length()), value);
                }
            });
            if (member.isEmpty()) {
                return members;
            }
            members.add(new QueryParams(member));
        }
    }

    /** The filters {@code Filter.N.Name} with their {@code Filter.N.Value.M}. */
    Map<String, List<String>> filters() {
        var filters = new LinkedHashMap<String, List<String>>();
        for (var filter : members("Filter")) {
            filters.put(filter.require("Name"), filter.list("Value"));
        }
        return filters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
