package io.harbormaster.api.audit;

import java.util.List;

/** One page of audit entries, newest first, and how many matched in all. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
