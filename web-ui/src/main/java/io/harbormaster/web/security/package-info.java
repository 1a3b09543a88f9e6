/**
 * Signing in to the portal: the login view and the portal's Spring Security filter chain. Accounts and password
 * hashing belong to the application that hosts the portal; the API has its own, earlier chain.
 */
package io.harbormaster.web.security;
