package io.harbormaster.web.machine;

import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.driver.DriverOptionsCheck;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamDetail;
import java.util.List;
import java.util.Optional;

/** What the create wizard needs: the drivers, the teams the user may create in, option checks, and creation. */
public interface MachineCreation {

    List<DriverList.Driver> drivers();

    /** The teams in which the signed-in user may create machines (OWNER or MEMBER role). */
    List<TeamDetail> teams();

    /** The driver's own verdict on options, as at creation. */
    DriverOptionsCheck check(String driver, DriverOptions options);

    /**
     * Creates the machine, held by the signed-in user; the page then follows its creation live.
     *
     * @param sshPrivateKey the host's key, or null to have the platform make one whose public key the user installs
     */
    MachineId create(TeamDetail team, MachineName name, String driver, DriverOptions options, String sshPrivateKey,
                     EngineOptions engine);

    /** The machine's SSH public key as an authorized_keys line, when its driver uses SSH. */
    Optional<String> sshPublicKey(MachineId machine);
}
