package io.harbormaster.web.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineId;
import java.util.List;
import java.util.Optional;

/** Where the machine list comes from. */
public interface MachineListService {

    /** One page of the machines the signed-in user may see that match the filter, and how many match in all. */
    MachinePage find(MachineFilter filter, PageRequest page);

    /** The teams the signed-in user may see, with their members: the choices of the team and holder filters. */
    List<TeamDetail> teams();

    /** One machine with its shares, when the signed-in user may see it. */
    Optional<MachineDetail> machine(MachineId id);

    /** The newest entries of a machine's history, newest first; empty when the user may not see it. */
    List<AuditEntry> history(MachineId id, int size);
}
