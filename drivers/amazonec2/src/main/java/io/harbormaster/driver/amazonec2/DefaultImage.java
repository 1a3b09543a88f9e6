package io.harbormaster.driver.amazonec2;

import io.harbormaster.driver.DriverException;
import java.util.Comparator;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * The image an instance boots: the one given, or the region's newest Ubuntu 24.04 LTS (amd64, gp3 root) published by
 * Canonical's account, found with DescribeImages. docker-machine kept a table of image ids per region, which went
 * stale as images were replaced; asking the region does not. Either way the image's root device is read, so the root
 * volume's size and type apply to the disk the image boots from.
 */
final class DefaultImage {

    static final String CANONICAL = "099720109477";
    static final String UBUNTU_NAME = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*";

    private DefaultImage() {
    }

    static Image resolve(Ec2Target target, Ec2Options options) {
        if (options.ami() != null) {
            return AwsErrors.call(target, "look up image " + options.ami(), () -> target.client()
                    .describeImages(r -> r.imageIds(options.ami()))).images().stream().findFirst()
                    .orElseThrow(() -> new DriverException("Image " + options.ami() + " does not exist in "
                            + target.region() + " or this account may not use it. Images belong to one region: give "
                            + "an image of " + target.region() + " with amazonec2-ami."));
        }
        return AwsErrors.call(target, "look up the default Ubuntu image", () -> target.client()
                .describeImages(r -> r.owners(CANONICAL).filters(
                        Filter.builder().name("name").values(UBUNTU_NAME).build(),
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("architecture").values("x86_64").build()))).images().stream()
                .max(Comparator.comparing(Image::creationDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow(() -> new DriverException("Canonical publishes no Ubuntu 24.04 image in "
                        + target.region() + " that this account can see. Give an image with amazonec2-ami."));
    }
}
