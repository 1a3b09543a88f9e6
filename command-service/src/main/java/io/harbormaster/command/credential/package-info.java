/**
 * Team cloud credentials on the write side: the {@link io.harbormaster.command.credential.CloudCredential} aggregate
 * (one per team and name), {@link io.harbormaster.command.credential.CloudCredentialHandler} (who may, and the order
 * of deciding, storing and recording), the {@link io.harbormaster.command.credential.CloudCredentialSecrets} port with
 * its secret-store adapter, and the command REST API under {@code /api/teams/{id}/credentials}. The keys go to the
 * secret store only; events and refusals carry the access key id's last four characters at most.
 */
package io.harbormaster.command.credential;
