package io.harbormaster.command.process;

import java.util.List;
import org.axonframework.eventhandling.Segment;

/**
 * This node has just claimed {@code segments} of the machine processes' processor ({@value
 * MachineWork#PROCESSING_GROUP}): from now on it carries out the operations requested for the machines in them,
 * including those their previous holder left unfinished.
 */
public record MachineProcessesClaimed(List<Segment> segments) {

    public MachineProcessesClaimed {
        segments = List.copyOf(segments);
    }
}
