/**
 * {@code hm completion bash|zsh|fish}: completion scripts generated from hm's own command tree, which ask the hidden
 * {@code hm __complete KIND} for machine, team and user names when tab is pressed.
 */
package io.harbormaster.cli.completion;
