/**
 * The audit trail read model ({@code audit-trail}): one row per event with who, what, when, where from and the
 * correlation id, straight from the event and its metadata. It answers both a machine's history and a team's
 * audit log, and serves them under {@code /api/machines/{id}/history} and {@code /api/teams/{id}/audit}; the team
 * log also downloads as CSV or JSON from {@code /api/teams/{id}/audit/export}.
 */
package io.harbormaster.query.audit;
