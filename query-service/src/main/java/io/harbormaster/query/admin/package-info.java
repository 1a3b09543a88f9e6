/**
 * Operating the read side: rebuilding every projection by replaying the event store, watching the processors
 * catch up, and the platform-admin endpoints under {@code /api/admin/projections}.
 */
package io.harbormaster.query.admin;
