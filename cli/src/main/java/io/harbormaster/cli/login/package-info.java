/** Logging a workstation in and out with a personal API token, and asking who it is. */
package io.harbormaster.cli.login;
