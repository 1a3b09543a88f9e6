package io.harbormaster.web.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;

/** Where the machine list comes from. */
public interface MachineListService {

    /** One page of the machines the signed-in user may see that match the filter, and how many match in all. */
    MachinePage find(MachineFilter filter, PageRequest page);
}
