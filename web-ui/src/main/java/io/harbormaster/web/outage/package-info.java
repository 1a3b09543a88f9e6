/**
 * What the portal tells a person when its database is out of reach: one plain sentence on the login page and on
 * every view, instead of "wrong username or password" or an internal error.
 */
package io.harbormaster.web.outage;
