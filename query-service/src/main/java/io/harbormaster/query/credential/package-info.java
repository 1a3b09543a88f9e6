/**
 * The read side of team cloud credentials: {@link io.harbormaster.query.credential.CloudCredentialsProjection} (in the
 * {@code teams} processing group, table {@code rm_cloud_credential}), the queries, which add the machines using each
 * credential from the machine list, and {@code GET /api/teams/{id}/credentials[/{name}]}. Nothing here ever holds a
 * key: the events carry none.
 */
package io.harbormaster.query.credential;
