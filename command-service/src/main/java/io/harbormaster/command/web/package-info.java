/**
 * What the command REST controllers share: turning request values into typed command values
 * ({@link io.harbormaster.command.web.ApiInputs}), the calling user ({@link io.harbormaster.command.web.Caller}),
 * sending commands with a bounded wait ({@link io.harbormaster.command.web.Commands}), and the RFC 9457 problem
 * details every failure of a command endpoint is answered with.
 */
package io.harbormaster.command.web;
