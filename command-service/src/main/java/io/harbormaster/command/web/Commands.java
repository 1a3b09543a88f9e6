package io.harbormaster.command.web;

import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its handler, at most a bounded time, so a refusal reaches the caller as the HTTP
 * answer. Driver work is not waited for: it runs in the machine processes after the command's events are stored.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final long timeoutSeconds;

    public Commands(CommandGateway gateway, @Value("${harbormaster.commands.timeout-seconds:30}") long timeoutSeconds) {
        this.gateway = gateway;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Sends {@code command} and answers its handler's result; a timeout surfaces as a 504 problem. */
    public <R> R send(Object command) {
        return gateway.sendAndWait(command, timeoutSeconds, TimeUnit.SECONDS);
    }

    long timeoutSeconds() {
        return timeoutSeconds;
    }
}
