/**
 * {@code hm credentials}: a team's cloud credentials, listed (never a secret), added, rotated and removed. A secret
 * is never a command-line argument (it would land in the shell's history and in {@code ps}): it is read from standard
 * input or asked for on the terminal without echo.
 */
package io.harbormaster.cli.credential;
