package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.team.TeamId;

/**
 * Whether the team credential a machine's driver options name exists. Checked when the machine is created, after the
 * caller's right to create in the team, so a misspelt name is refused at once instead of failing the creation half
 * way, and an outsider learns nothing of another team's credentials.
 */
public interface NamedCredentials {

    /** Refuses, naming the option, when {@code options} name a credential the team does not have. */
    void requireExisting(TeamId team, DriverOptions options);
}
