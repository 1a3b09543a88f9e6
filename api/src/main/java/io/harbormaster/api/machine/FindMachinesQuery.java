package io.harbormaster.api.machine;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;

/** List machines, filtered, in natural name order ({@code web-2} before {@code web-10}). Answers {@link MachinePage}. */
public record FindMachinesQuery(MachineFilter filter, PageRequest page, Caller caller) {
}
