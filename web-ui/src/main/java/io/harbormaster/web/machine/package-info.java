/**
 * The machine list of the portal: the view, and the small port it reads through so the view can be tested with a
 * fake and the real adapter can ask the query bus.
 */
package io.harbormaster.web.machine;
