/** Axon wiring of the write side: interceptors, correlation data, processor modes and error policy. */
package io.harbormaster.command.config;
