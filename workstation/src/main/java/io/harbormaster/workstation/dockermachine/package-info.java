/**
 * docker-machine's store on a workstation, read for {@code hm import}: the machines' config.json files, their
 * certificates and keys found wherever the store now is ({@link io.harbormaster.workstation.dockermachine.StorePaths}),
 * checked with the JDK alone, the driver settings safe to record, and what each machine becomes on the platform
 * ({@link io.harbormaster.workstation.dockermachine.ImportPlan}), which the server works out again for itself.
 */
package io.harbormaster.workstation.dockermachine;
