/**
 * Operating the read side: rebuilding every projection by replaying the event store into shadow tables while the
 * live ones serve, then switching over ({@code ShadowRebuild}); watching the processors and the rebuild's progress;
 * the projections' dead letters; and the platform-admin endpoints under {@code /api/admin}.
 */
package io.harbormaster.query.admin;
