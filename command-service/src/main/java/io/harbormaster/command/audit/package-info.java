/**
 * Who did it, through which channel, from where: the acting context of a request or process, attached to every
 * command at dispatch and carried onto every event by Axon's correlation data providers.
 */
package io.harbormaster.command.audit;
