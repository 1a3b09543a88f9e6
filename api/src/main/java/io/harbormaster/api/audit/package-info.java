/**
 * The audit part of the shared language: records, no Spring and no persistence; plus {@link
 * io.harbormaster.api.audit.CurrentActingContext}, the plain-Java holder of the current thread's acting context.
 */
package io.harbormaster.api.audit;
