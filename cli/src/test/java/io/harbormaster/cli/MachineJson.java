package io.harbormaster.cli;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Canned JSON as the server's machine list endpoint writes it. */
final class MachineJson {

    private MachineJson() {
    }

    static String machine(String name, String driver, String state, String url) {
        return """
                {"id":"%s","teamId":"%s","teamName":"platform","name":"%s","driver":"%s","state":"%s",\
                "holder":"%s","holderName":"alice","dockerUrl":%s,\
                "createdAt":"2026-01-02T03:04:05Z","updatedAt":"2026-01-02T04:04:05Z","someFutureField":1}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), name, driver, state, UUID.randomUUID(),
                        url == null ? "null" : "\"" + url + "\"");
    }

    static String page(int page, int size, long total, String... machines) {
        return """
                {"items":[%s],"page":%d,"size":%d,"total":%d}"""
                .formatted(Arrays.stream(machines).collect(Collectors.joining(",")), page, size, total);
    }
}
