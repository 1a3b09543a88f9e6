/**
 * Talking to the Harbormaster server: where it is, how to sign in, and how its answers (including RFC 9457
 * problem details) become results or messages a person can act on.
 */
package io.harbormaster.cli.server;
