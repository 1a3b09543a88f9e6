package io.harbormaster.api.machine;

/** What a grantee of a shared machine may do: see it, or also use and operate it. */
public enum ShareRole {
    VIEWER, MEMBER
}
