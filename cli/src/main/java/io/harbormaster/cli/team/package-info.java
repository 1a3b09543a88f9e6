/**
 * The team's verbs: {@code handoff}, {@code share}/{@code unshare}, {@code history}, {@code audit}, {@code teams} and
 * {@code members}, with what they share: tables aligned like docker-machine's ({@link io.harbormaster.cli.team.Table}),
 * {@code --format json}, names turned into ids ({@link io.harbormaster.cli.team.Directory}) and refusals as one line.
 */
package io.harbormaster.cli.team;
