package io.harbormaster.api.team;

import io.harbormaster.api.user.Caller;

/** The caller's own teams with their role in each, and their display name. Answers {@link Memberships}. */
public record FindMembershipsQuery(Caller caller) {
}
