/**
 * {@code hm}, the workstation client: the top command, what it reads from the workstation (environment, version),
 * and how a failure becomes a message and an exit code. One sub-package per verb family.
 */
package io.harbormaster.cli;
