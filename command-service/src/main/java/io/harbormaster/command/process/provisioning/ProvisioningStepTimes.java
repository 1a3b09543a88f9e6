package io.harbormaster.command.process.provisioning;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How long each part of a creation took on the platform's side, one timer per part ({@code
 * harbormaster.provisioning.step}, tag {@code step}): so a slow creation shows where its time went without a profiler,
 * and the provisioning benchmark reads the same figures. Parts: {@value #PICKUP} (the creation event stored until its
 * work starts on a virtual thread), {@value #CERTIFICATES} (CA and server certificate minted and written to the
 * secret store), {@value #SSH_CONNECT} (connection, host key, login), the provisioner's own steps by their names, and
 * {@value #REPORTS} (the progress commands each provisioning sends and waits for).
 */
@Component
public class ProvisioningStepTimes {

    public static final String METER = "harbormaster.provisioning.step";
    public static final String PICKUP = "pickup";
    public static final String CERTIFICATES = "certificates";
    public static final String SSH_CONNECT = "ssh-connect";
    public static final String REPORTS = "progress-reports";

    private final MeterRegistry meters;

    @Autowired
    ProvisioningStepTimes(ObjectProvider<MeterRegistry> meters) {
        this(meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    public ProvisioningStepTimes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A registry of its own: for tests and tools that build processes by hand. */
    public static ProvisioningStepTimes unrecorded() {
        return new ProvisioningStepTimes(new CompositeMeterRegistry());
    }

    /** Records that {@code step} took {@code nanos}. */
    public void record(String step, long nanos) {
        Timer.builder(METER)
                .description("Parts of a machine's creation on the platform's side, from the request event to the "
                        + "verified engine")
                .tag("step", step)
                .register(meters)
                .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Records {@code step} as the time from {@code startedNanos} ({@link System#nanoTime()}) until now. */
    public void recordSince(String step, long startedNanos) {
        record(step, System.nanoTime() - startedNanos);
    }

    /** Records {@code step} as {@code duration}. */
    public void record(String step, Duration duration) {
        record(step, duration.toNanos());
    }
}
