/** Axon wiring of the read side: how the projection processors consume the event stream. */
package io.harbormaster.query.config;
