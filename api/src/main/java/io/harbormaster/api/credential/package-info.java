/**
 * Team cloud credentials in the shared language: the commands that add, rotate and remove them, the events they
 * become (never with secret material: the access key id's last four characters and the secret store's version at
 * most), the queries of their metadata, and the field names under which drivers find them in the secret store.
 */
package io.harbormaster.api.credential;
