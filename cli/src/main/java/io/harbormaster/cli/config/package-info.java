/** What hm keeps on the workstation: the login, in files only the user can read. */
package io.harbormaster.cli.config;
