/**
 * Why a command was refused, as small exception types the web layer maps to HTTP statuses by their base class:
 * {@link io.harbormaster.command.refusal.InvalidCommandException} (400), {@link
 * io.harbormaster.command.refusal.ForbiddenException} (403), {@link
 * io.harbormaster.command.refusal.NotFoundException} (404), {@link io.harbormaster.command.refusal.ConflictException}
 * (409) and {@link io.harbormaster.command.refusal.UnprocessableCommandException} (422). Each carries a stable code
 * that becomes the problem type, and a message written for the person who sent the command.
 */
package io.harbormaster.command.refusal;
