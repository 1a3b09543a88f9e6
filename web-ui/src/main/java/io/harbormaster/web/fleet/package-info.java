/** The team's fleet at a past instant, and what changed since. */
package io.harbormaster.web.fleet;
