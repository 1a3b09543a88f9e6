package io.harbormaster.api.driver;

/**
 * The driver's verdict on options.
 *
 * @param option the option it refused, or null (also null when the driver itself is unknown)
 * @param problem what is wrong and how to put it right, or null when the options are fine
 */
public record DriverOptionsCheck(boolean valid, String option, String problem) {

    public static DriverOptionsCheck ok() {
        return new DriverOptionsCheck(true, null, null);
    }
}
