/**
 * Picks the secret store adapter from {@code harbormaster.secrets.*}. It knows both adapters, so it sits apart from the
 * port: the port stays free of its adapters and no package cycle forms.
 */
package io.harbormaster.command.secret.config;
