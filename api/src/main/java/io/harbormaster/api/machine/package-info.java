/** The machine part of the shared language: records only, no Spring and no persistence. */
package io.harbormaster.api.machine;
