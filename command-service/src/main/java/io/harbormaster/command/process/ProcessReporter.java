package io.harbormaster.command.process;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.cert.CertificateAuthorityException;
import io.harbormaster.command.cert.InvalidCertificateRequestException;
import io.harbormaster.command.provision.ProvisioningException;
import io.harbormaster.command.refusal.CommandRefusedException;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.driver.DriverException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one process step and reports its outcome to the machine. A step's failure becomes the step's Fail command
 * with a message fit for users: a driver's own message, or a generic one for anything unexpected, whose details
 * (and stack trace) go to the server log only.
 */
public final class ProcessReporter {

    private static final Logger log = LoggerFactory.getLogger(ProcessReporter.class);
    private static final int MAX_REASON_LENGTH = 1000;
    private static final long REPORT_TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;

    ProcessReporter(CommandGateway commands) {
        this.commands = commands;
    }

    /** Runs {@code step}, which answers the command to report (null: nothing); reports {@code failure} when it throws. */
    public void run(MachineId id, BiFunction<MachineId, String, Object> failure, Callable<Object> step) {
        Object outcome;
        try {
            outcome = step.call();
        } catch (DriverException | ProvisioningException | CommandRefusedException | SecretStoreException
                 | CertificateAuthorityException | InvalidCertificateRequestException e) {
            // the message is the one users see: safe to log, and operators look here first
            log.info("Operation on machine {} failed: {}", id.value(), shorten(e.getMessage()));
            outcome = failure.apply(id, shorten(e.getMessage()));
        } catch (Exception e) {
            log.warn("Driver call for machine {} failed unexpectedly", id, e);
            outcome = failure.apply(id, "The driver failed unexpectedly; the details are in the server log.");
        }
        if (outcome != null) {
            report(outcome);
        }
    }

    /** Sends the report; a refusal (the machine was removed meanwhile, say) is logged, not retried. */
    public void report(Object command) {
        try {
            commands.sendAndWait(command, REPORT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.warn("Could not report {}: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String shorten(String reason) {
        if (reason == null || reason.isBlank()) {
            return "The driver gave no reason.";
        }
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
    }
}
