/**
 * Teams on the write side: the {@link io.harbormaster.command.team.Team} aggregate with its membership rules, the
 * creation handler that claims team names, and the command REST API under {@code /api/teams}.
 */
package io.harbormaster.command.team;
