/**
 * From an authenticated API request to the acting context its commands carry ({@code CurrentActingContext}, held
 * in {@code io.harbormaster.api.audit}) and the {@code Caller} the query side answers for.
 */
package io.harbormaster.security.context;
