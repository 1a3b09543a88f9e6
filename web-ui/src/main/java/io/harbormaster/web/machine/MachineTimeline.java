package io.harbormaster.web.machine;

import com.vaadin.flow.data.provider.hierarchy.TreeData;
import io.harbormaster.api.audit.AuditEntry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * A machine's history as the page shows it, newest first, with each provisioning attempt one line whose children
 * are its start, its steps and its end: a provisioning reads as one thing that happened, not as eight. An attempt
 * still running or failed is open; one that succeeded is closed.
 */
record MachineTimeline(TreeData<AuditEntry> tree, List<AuditEntry> expanded) {

    static MachineTimeline of(List<AuditEntry> newestFirst) {
        var parentOf = new IdentityHashMap<AuditEntry, AuditEntry>();
        var firstOf = new IdentityHashMap<AuditEntry, AuditEntry>();
        var expanded = new ArrayList<AuditEntry>();
        for (var attempt : ProvisioningAttempt.in(newestFirst)) {
            if (attempt.entries().size() < 2) {
                continue;   // a lone end whose start is out of the window, or a failure before the host: as it is
            }
            var first = attempt.entries().getFirst();
            var group = new AuditEntry("provisioning-" + first.eventId(), first.occurredAt(), first.teamId(),
                    first.machineId(), first.subject(), "ProvisioningAttempt", attempt.summary(), first.actorId(),
                    first.actorName(), first.channel(), first.clientAddress(), first.correlationId());
            attempt.entries().forEach(entry -> parentOf.put(entry, group));
            firstOf.put(group, first);
            if (attempt.outcome() != ProvisioningAttempt.Outcome.SUCCEEDED) {
                expanded.add(group);
            }
        }
        var tree = new TreeData<AuditEntry>();
        for (var entry : newestFirst) {
            var group = parentOf.get(entry);
            if (group == null) {
                tree.addItem(null, entry);
                continue;
            }
            // the attempt's line stands where it began, with its time; its children read oldest first
            if (entry == firstOf.get(group)) {
                tree.addItem(null, group);
                var children = new ArrayList<AuditEntry>();
                newestFirst.stream().filter(e -> parentOf.get(e) == group).forEach(children::addFirst);
                tree.addItems(group, children);
            }
        }
        return new MachineTimeline(tree, expanded);
    }
}
