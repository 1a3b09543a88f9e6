package io.harbormaster.command.lookup;

import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.team.TeamId;
import java.util.List;

/**
 * Which machines use a team's cloud credential: the team's machines that are not removed whose driver option
 * {@code amazonec2-credential} names it. Read on the write side (machines from {@code cmd_machines}, their options
 * from their creation events), so a removal is decided on what is committed, not on a projection that may lag.
 */
public interface CloudCredentialUsers {

    /** The names of the machines using the credential, sorted; empty when none does. */
    List<String> machinesUsing(TeamId teamId, CloudCredentialName credential);
}
