/** Where the platform may connect: the networks platform admins allow and deny for machine addresses. */
package io.harbormaster.api.network;
