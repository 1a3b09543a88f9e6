/** {@code hm version}: which client this is, for bug reports and compatibility checks. */
package io.harbormaster.cli.version;
