/**
 * The embedded default's built-in sign-in: accounts beside the event store, the API's security chain, and the
 * filter that turns an authenticated request into the acting context of its commands.
 */
package io.harbormaster.standalone.security;
