package io.harbormaster.cli.machine;

import java.util.List;

/**
 * docker-machine's {@code --engine-opt}, {@code --engine-label}, {@code --engine-install-url} and {@code --tls-san}
 * as the server takes them in a create request and reports them on a machine:
 * {@code {"flags":["k=v"],"labels":["k=v"],"installUrl":"…","tlsSans":["…"]}}.
 */
public record EngineOptions(List<String> flags, List<String> labels, String installUrl, List<String> tlsSans) {

    public EngineOptions {
        flags = flags == null ? List.of() : List.copyOf(flags);
        labels = labels == null ? List.of() : List.copyOf(labels);
        tlsSans = tlsSans == null ? List.of() : List.copyOf(tlsSans);
    }

    boolean isEmpty() {
        return flags.isEmpty() && labels.isEmpty() && installUrl == null && tlsSans.isEmpty();
    }
}
