package io.harbormaster.driver.amazonec2;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.driver.DriverException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * A machine's EC2 key pair: its own SSH public key (the platform keeps the private half), imported under a name made
 * of the machine's name and the start of its id, since machine names are unique per team only and teams may share an
 * AWS account. Tagged with the machine's id, so a key pair left by an interrupted create is recognised as this
 * machine's and reused.
 */
final class KeyPairs {

    private KeyPairs() {
    }

    static String name(MachineName machine, MachineId id) {
        return machine.value() + "-" + id.value().substring(0, 8);
    }

    /** Imports the key pair; true when it was made now, false when this machine's was there already. */
    static boolean ensure(Ec2Target target, MachineName machine, MachineId id, String publicKey) {
        var name = name(machine, id);
        var existing = AwsErrors.call(target, "look up key pair " + name, () -> target.client()
                .describeKeyPairs(r -> r.filters(f -> f.name("key-name").values(name)))).keyPairs();
        if (!existing.isEmpty()) {
            var ours = existing.getFirst().tags().stream().anyMatch(t -> t.key().equals(MachineInstances.MACHINE_TAG)
                    && t.value().equals(id.value()));
            if (ours) {
                return false;
            }
            throw new DriverException("A key pair named '" + name + "' exists in " + target.region() + " and was "
                    + "not made for this machine. Delete it in EC2 (or choose another machine name); then try again.");
        }
        AwsErrors.call(target, "import the machine's SSH key as key pair " + name, () -> target.client()
                .importKeyPair(r -> r.keyName(name)
                        .publicKeyMaterial(SdkBytes.fromString(publicKey.strip(), StandardCharsets.UTF_8))
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.KEY_PAIR)
                                .tags(Tag.builder().key(MachineInstances.MACHINE_TAG).value(id.value()).build())
                                .build())));
        return true;
    }

    /** Deletes the key pair; EC2 answers success when there is none. */
    static void delete(Ec2Target target, MachineName machine, MachineId id) {
        var name = name(machine, id);
        AwsErrors.call(target, "delete key pair " + name, () -> target.client().deleteKeyPair(r -> r.keyName(name)));
    }
}
