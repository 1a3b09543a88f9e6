/** The team's audit log: filtered, paged, exported as the API exports it. */
package io.harbormaster.web.audit;
