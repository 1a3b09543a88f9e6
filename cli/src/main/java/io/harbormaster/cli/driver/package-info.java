/**
 * The server's drivers as hm sees them: {@code hm drivers} lists them and their options, and {@code hm create} takes
 * a driver's options as flags ({@code --amazonec2-region eu-west-1}) from the same descriptions
 * ({@code GET /api/drivers}), so a driver added to the platform needs no new hm. The server stays the judge of
 * values; hm only knows which flags exist, how each takes its value, and that AWS keys are never one.
 */
package io.harbormaster.cli.driver;
