package io.harbormaster.query.audit;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;

/** What an event is about, in the audit trail's terms: whose log it belongs to, its subject and a readable line. */
record Description(TeamId teamId, MachineId machineId, String subject, String summary) {
}
