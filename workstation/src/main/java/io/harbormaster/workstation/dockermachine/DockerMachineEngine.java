package io.harbormaster.workstation.dockermachine;

import java.util.List;

/**
 * docker-machine's engine options for a machine ({@code HostOptions.EngineOptions} of its config.json, with
 * {@code AuthOptions.ServerCertSANs} as {@code tlsSans}), as given with {@code --engine-opt}, {@code --engine-label},
 * {@code --engine-insecure-registry} and the like. The engine's environment ({@code --engine-env}) is kept by name
 * only: its values may be credentials (a proxy's, say), and they never leave the workstation.
 */
public record DockerMachineEngine(List<String> arbitraryFlags, List<String> dns, String graphDir,
                                  List<String> envNames, boolean ipv6, List<String> insecureRegistries,
                                  List<String> labels, String logLevel, String storageDriver, boolean selinuxEnabled,
                                  List<String> registryMirrors, String installUrl, List<String> tlsSans) {

    public DockerMachineEngine {
        arbitraryFlags = copy(arbitraryFlags);
        dns = copy(dns);
        envNames = copy(envNames);
        insecureRegistries = copy(insecureRegistries);
        labels = copy(labels);
        registryMirrors = copy(registryMirrors);
        tlsSans = copy(tlsSans);
        graphDir = blankToNull(graphDir);
        logLevel = blankToNull(logLevel);
        storageDriver = blankToNull(storageDriver);
        installUrl = blankToNull(installUrl);
    }

    /** No engine options at all. */
    public static DockerMachineEngine none() {
        return new DockerMachineEngine(null, null, null, null, false, null, null, null, null, false, null, null, null);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank())
                .map(String::strip).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
