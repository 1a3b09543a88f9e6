/**
 * The machine list and detail read model ({@code machine-list}): its projection, the query handlers that answer
 * {@code FindMachinesQuery} and {@code FindMachineQuery}, and the GET endpoints under {@code /api/machines}.
 */
package io.harbormaster.query.machine;
