/**
 * Where the platform may connect: the networks machine addresses may be in (CIDR allow and deny lists, by
 * configuration and, audited, by platform admins through {@code /api/admin/networks}), checked when a machine is
 * created and again before a driver or the reconciler reaches its host. Link-local addresses are refused unless
 * allowed explicitly.
 */
package io.harbormaster.command.network;
