/**
 * A stand-in of Amazon EC2 for tests, {@link io.harbormaster.testing.ec2.Ec2StandIn}: the EC2 Query API (and STS's
 * AssumeRole) on a loopback port, answering in AWS's documented XML shapes and error format, whose instances are real
 * test hosts ({@code infra/testhosts}). It stands in for AWS where none can be had; the live suite checks the same
 * behaviour against the real service.
 */
package io.harbormaster.testing.ec2;
