/**
 * The workstation client for download, without sign-in: {@code GET /downloads} (a page), {@code /downloads/hm.jar},
 * {@code /downloads/hm} (the launcher), {@code /downloads/hm-linux-x64.tar.gz} (the self-contained bundle with its
 * own runtime and AOT cache), {@code /downloads/SHA256SUMS} and {@code GET /install.sh}, the one-line installer with
 * this server's address written in. The files are the cli module's build output, copied into this module's jar
 * under {@code harbormaster-downloads/} by the build; the security module's API chain lets these GETs through.
 */
package io.harbormaster.standalone.downloads;
