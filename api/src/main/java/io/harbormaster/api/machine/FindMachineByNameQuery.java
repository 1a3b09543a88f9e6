package io.harbormaster.api.machine;

import io.harbormaster.api.user.Caller;

/**
 * The machines named {@code name} (ignoring case, as names are unique per team regardless of case) that the caller
 * may see, optionally only in one team given by its name or id. Answers {@link MachineNameMatches}: none, one, or
 * one per team when the name exists in several of the caller's teams.
 */
public record FindMachineByNameQuery(MachineName name, String team, Caller caller) {
}
