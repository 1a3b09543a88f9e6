/** The all-in-one launcher of the embedded default. */
package io.harbormaster.standalone;
