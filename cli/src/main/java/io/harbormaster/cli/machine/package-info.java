/**
 * {@code hm ls}: the machine list, with docker-machine's columns, {@code --format}, {@code -q} and
 * {@code --filter}, read from the server page by page.
 */
package io.harbormaster.cli.machine;
