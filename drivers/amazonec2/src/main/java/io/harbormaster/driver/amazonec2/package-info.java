/**
 * The {@code amazonec2} driver: EC2 instances through the AWS SDK for Java v2, with docker-machine's
 * {@code amazonec2-*} options, provisioned by Harbormaster over SSH. The AWS keys are a team's cloud credential
 * ({@code amazonec2-credential}), read through the driver context, or the platform's own identity when the operator
 * allows it; they never appear in options, events or messages. The driver keeps no state of its own: it finds a
 * machine's instance by the tag {@code harbormaster-machine-id}.
 */
package io.harbormaster.driver.amazonec2;
