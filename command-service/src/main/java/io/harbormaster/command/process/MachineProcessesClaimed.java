package io.harbormaster.command.process;

/**
 * This node has just claimed the segment of the machine processes' processor ({@value MachineWork#PROCESSING_GROUP}):
 * from now on it carries out requested operations, including those its previous holder left unfinished.
 */
public record MachineProcessesClaimed() {
}
