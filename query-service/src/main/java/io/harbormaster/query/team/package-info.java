/**
 * The teams read model ({@code teams}): teams, their members with usernames and roles, the queries
 * {@code FindTeamsQuery} and {@code FindTeamQuery}, and {@code GET /api/teams[/{id}]}.
 */
package io.harbormaster.query.team;
