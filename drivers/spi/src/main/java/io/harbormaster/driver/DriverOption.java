package io.harbormaster.driver;

import java.util.Objects;

/**
 * One option a driver takes, described for people: forms are made from these (the portal's create wizard), so a new
 * driver needs no new screen. Never a secret: options are recorded in events.
 *
 * @param name the option's key in {@code driverOptions}: docker-machine's flag without its dashes, and for
 *             {@code generic} and {@code none} also without the driver prefix ({@code amazonec2} keeps
 *             {@code amazonec2-}, as the team credentials find machines by {@code amazonec2-credential})
 * @param label a short label for a form field
 * @param description what it is and what it defaults to, one sentence or two
 * @param required whether a machine cannot be created without it
 * @param defaultValue what is used when it is not given, or null
 * @param kind what sort of value it holds, so a form can pick a field and check it
 */
public record DriverOption(String name, String label, String description, boolean required, String defaultValue,
                           Kind kind) {

    public DriverOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** Free text. */
        TEXT,
        /** An IP address or a DNS name. */
        HOST,
        /** A TCP port, 1 to 65535. */
        PORT,
        /** A URL such as {@code tcp://10.0.0.5:2376}. */
        URL,
        /** A whole number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /**
         * Several values separated by commas (in the order given). A command line may give the flag once per value,
         * as docker-machine's repeatable flags are given; {@code hm} joins them with commas.
         */
        LIST
    }
}
