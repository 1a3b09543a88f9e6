/**
 * The operations surface of the launcher: health contributors for the readiness probe (secret store, event
 * processors caught up, dead letters) and the gauges of the event processors. The meters of the write and read side
 * are recorded in their modules; docs/operations.md describes the endpoints, the meters and the alerts.
 */
package io.harbormaster.standalone.ops;
