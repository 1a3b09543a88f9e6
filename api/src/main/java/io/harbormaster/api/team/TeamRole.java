package io.harbormaster.api.team;

/** A member's role in a team: owners manage the team, members use and operate machines, viewers only look. */
public enum TeamRole {
    OWNER, MEMBER, VIEWER
}
