/**
 * How Harbormaster stores things in PostgreSQL: the Flyway migrations (the only owner of the schema), the bytea
 * dialect and sequence settings for Axon's JPA entities, and JSON serializers for everything Axon stores.
 */
package io.harbormaster.db;
