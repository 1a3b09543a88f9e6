package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.ReadSshPublicKeyCommand;
import io.harbormaster.command.machine.RequireMachineVisibleCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Reads a machine's SSH public key for whoever may see the machine; others are refused as for an unknown machine. */
@Component
class MachineSshPublicKeys {

    private final MachineSshKeys keys;
    private final CommandGateway commands;

    MachineSshPublicKeys(MachineSshKeys keys, CommandGateway commands) {
        this.keys = keys;
        this.commands = commands;
    }

    @CommandHandler
    String handle(ReadSshPublicKeyCommand command) {
        commands.sendAndWait(new RequireMachineVisibleCommand(command.machineId()));
        return keys.currentPublicKey(command.machineId()).orElse(null);
    }
}
