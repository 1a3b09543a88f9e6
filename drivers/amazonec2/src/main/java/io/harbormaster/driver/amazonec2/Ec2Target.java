package io.harbormaster.driver.amazonec2;

import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An EC2 client for one region and identity, and how to name both in messages: {@code identity} is e.g.
 * "the credential 'aws-prod'" or "the platform's AWS identity", never a key.
 */
record Ec2Target(Ec2Client client, String region, String identity, Ec2Settings settings) {
}
