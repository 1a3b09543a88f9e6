package io.harbormaster.api.audit;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.Caller;

/**
 * The team's audit log for a filter as one file, byte for byte what {@code GET /api/teams/{id}/audit/export} sends.
 * Answers {@link AuditExportFile}, or null when the caller may not see the team; refused when more entries match
 * than one export may hold.
 *
 * @param format {@code csv} or {@code json}
 */
public record ExportTeamAuditLogQuery(TeamId teamId, AuditFilter filter, String format, Caller caller) {
}
