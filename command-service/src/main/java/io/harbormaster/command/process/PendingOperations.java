package io.harbormaster.command.process;

import java.util.List;

/** Which machines wait on a driver operation, so one interrupted by a restart can be resumed. */
public interface PendingOperations {

    /** Every operation requested and not yet completed or failed, oldest first. */
    List<PendingOperation> pendingOperations();
}
