package io.harbormaster.driver.amazonec2;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.InvalidDriverOptionsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine's amazonec2 options, checked: docker-machine's {@code amazonec2-*} names and defaults (listed with their
 * descriptions in {@link DescribedOptions}). {@code region} and {@code ami} are null when not given: the region then
 * comes from the credential (or us-east-1), the image from {@link DefaultImage}. Secrets are refused: options are
 * recorded in events, so AWS keys are a team credential named by {@code amazonec2-credential}.
 */
record Ec2Options(String credential, String region, String zone, String ami, String instanceType, String vpcId,
                  String subnetId, List<String> securityGroups, boolean securityGroupReadonly,
                  List<OpenPort> openPorts, Map<String, String> tags, int rootSize, String volumeType,
                  String deviceName, String iamInstanceProfile, boolean requestSpotInstance, String spotPrice,
                  boolean privateAddressOnly, boolean usePrivateAddress, boolean monitoring,
                  boolean useEbsOptimizedInstance, String userdata, String sshUser, int sshPort, String httpTokens) {

    static final String PREFIX = "amazonec2-";
    static final String DEFAULT_REGION = "us-east-1";
    static final int ENGINE_PORT = 2376;

    /** A port to open to the world in a security group the driver configures, such as {@code 8080/tcp}. */
    record OpenPort(int port, String protocol) {
    }

    private static final String SECRET_REFUSAL = "AWS keys are never driver options, because options are kept in "
            + "the machine's history. A team owner adds them as a team credential (POST /api/teams/{team}/credentials); "
            + "then create the machine with --amazonec2-credential NAME.";
    private static final Map<String, String> REFUSED = Map.of(
            "access-key", SECRET_REFUSAL,
            "secret-key", SECRET_REFUSAL,
            "session-token", SECRET_REFUSAL,
            "ssh-keypath", "Harbormaster keeps each machine's SSH key in its secret store and imports its public half "
                    + "as the machine's key pair. Send your private key in the request's 'sshKey' field instead.",
            "keypair-name", "Harbormaster imports each machine's own SSH public key as a key pair named after the "
                    + "machine; an existing key pair cannot be used because the platform needs the private key.",
            "endpoint", "The EC2 endpoint is the platform operator's setting (harbormaster.drivers.amazonec2.endpoint), "
                    + "not a machine's: a machine could otherwise send its team's credential anywhere.",
            "insecure-transport", "Harbormaster talks to AWS over HTTPS only; the operator may point the platform at "
                    + "another endpoint (harbormaster.drivers.amazonec2.endpoint).",
            "retries", "Retries are the AWS SDK's own (standard mode, with back-off on throttling); the operator sets "
                    + "harbormaster.drivers.amazonec2.max-attempts.",
            "block-duration-minutes", "AWS no longer offers Spot blocks (defined-duration Spot instances). Use "
                    + "amazonec2-request-spot-instance without a duration.");

    private static final Pattern CREDENTIAL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d{1,2}$");
    private static final Pattern ZONE = Pattern.compile("^[a-z]$");
    private static final Pattern AMI = Pattern.compile("^ami-[0-9a-f]{8,17}$");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9]+$");
    private static final Pattern VPC = Pattern.compile("^vpc-[0-9a-f]{8,17}$");
    private static final Pattern SUBNET = Pattern.compile("^subnet-[0-9a-f]{8,17}$");
    private static final Pattern GROUP = Pattern.compile("^[A-Za-z0-9 ._:/()#@\\[\\]+=&;{}!$*-]{1,255}$");
    private static final Pattern DEVICE = Pattern.compile("^/dev/[a-z0-9]{2,16}$");
    private static final Pattern PROFILE = Pattern.compile("^([\\w+=,.@-]{1,128}|arn:aws[a-z-]*:iam::\\d{12}:"
            + "instance-profile/[\\w+=,.@/-]{1,128})$");
    private static final Pattern PRICE = Pattern.compile("^\\d{1,4}(\\.\\d{1,6})?$");
    private static final Pattern USER = Pattern.compile("^[a-z_][a-z0-9_-]{0,31}$");
    private static final Pattern PORT = Pattern.compile("^(\\d{1,5})(/(tcp|udp))?$");
    private static final Set<String> VOLUME_TYPES = Set.of("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard");

    static String name(String option) {
        return PREFIX + option;
    }

    static Ec2Options from(DriverOptions options) {
        for (var key : options.values().keySet()) {
            var option = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : null;
            if (option != null && REFUSED.containsKey(option)) {
                throw new InvalidDriverOptionsException(key, "'" + key + "' is not taken: " + REFUSED.get(option));
            }
            if (option == null || !DescribedOptions.NAMES.contains(key)) {
                var hint = option == null && DescribedOptions.NAMES.contains(PREFIX + key)
                        ? " Did you mean '" + PREFIX + key + "'?" : "";
                throw new InvalidDriverOptionsException(key, "The amazonec2 driver has no option '" + key + "'."
                        + hint + " Its options are " + String.join(", ", DescribedOptions.NAMES) + ".");
            }
        }
        var reader = new Reader(options);
        return new Ec2Options(
                reader.text("credential", CREDENTIAL, null, "a credential name such as 'aws-prod'"),
                reader.text("region", REGION, null, "a region such as eu-west-1"),
                reader.text("zone", ZONE, "a", "a zone letter such as a, b or c"),
                reader.text("ami", AMI, null, "an image id such as ami-0e2c8caa4b6378d8c"),
                reader.text("instance-type", INSTANCE_TYPE, "t2.micro", "an instance type such as t3.small"),
                reader.text("vpc-id", VPC, null, "a VPC id such as vpc-0a1b2c3d"),
                reader.text("subnet-id", SUBNET, null, "a subnet id such as subnet-0a1b2c3d"),
                reader.list("security-group", GROUP, List.of("docker-machine"), "security group names such as "
                        + "docker-machine,web"),
                reader.bool("security-group-readonly"),
                reader.list("open-port", PORT, List.of(), "ports such as 8080,53/udp").stream()
                        .map(Ec2Options::openPort).toList(),
                reader.tags(),
                reader.number("root-size", 16, 1, 16_384),
                reader.oneOf("volume-type", VOLUME_TYPES, "gp2"),
                reader.text("device-name", DEVICE, null, "a device such as /dev/sda1"),
                reader.text("iam-instance-profile", PROFILE, null, "an instance profile name or ARN"),
                reader.bool("request-spot-instance"),
                reader.text("spot-price", PRICE, "0.50", "a price in dollars per hour such as 0.05"),
                reader.bool("private-address-only"),
                reader.bool("use-private-address"),
                reader.bool("monitoring"),
                reader.bool("use-ebs-optimized-instance"),
                reader.raw("userdata"),
                reader.text("ssh-user", USER, "ubuntu", "a user name such as ubuntu"),
                reader.number("ssh-port", 22, 1, 65_535),
                reader.oneOf("http-tokens", Set.of("required", "optional"), "required"));
    }

    /** The address to reach the host at from the platform: private when asked to use or only have one. */
    boolean reachesPrivateAddress() {
        return privateAddressOnly || usePrivateAddress;
    }

    private static OpenPort openPort(String text) {
        var match = PORT.matcher(text);
        match.matches();
        var port = Integer.parseInt(match.group(1));
        if (port < 1 || port > 65_535) {
            throw new InvalidDriverOptionsException(name("open-port"), "'" + name("open-port") + "' takes ports from "
                    + "1 to 65535; got " + port + ".");
        }
        return new OpenPort(port, match.group(3) == null ? "tcp" : match.group(3));
    }

    /** Reads one option at a time, refusing a bad value with its name and an example. */
    private record Reader(DriverOptions options) {

        String raw(String option) {
            var value = options.get(name(option));
            return value == null || value.isBlank() ? null : value;
        }

        String text(String option, Pattern pattern, String fallback, String example) {
            var value = raw(option);
            if (value == null) {
                return fallback;
            }
            value = value.strip();
            if (!pattern.matcher(value).matches()) {
                throw bad(option, value, example);
            }
            return value;
        }

        String oneOf(String option, Set<String> allowed, String fallback) {
            var value = text(option, Pattern.compile("^.+$"), fallback, "");
            if (!allowed.contains(value)) {
                throw new InvalidDriverOptionsException(name(option), "'" + name(option) + "' is one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + "; got '" + shorten(value) + "'.");
            }
            return value;
        }

        List<String> list(String option, Pattern pattern, List<String> fallback, String example) {
            var value = raw(option);
            if (value == null) {
                return fallback;
            }
            var items = new ArrayList<String>();
            for (var item : value.split(",")) {
                if (!item.isBlank()) {
                    if (!pattern.matcher(item.strip()).matches()) {
                        throw bad(option, item.strip(), example);
                    }
                    items.add(item.strip());
                }
            }
            return List.copyOf(items);
        }

        boolean bool(String option) {
            var value = raw(option);
            if (value == null) {
                return false;
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidDriverOptionsException(name(option), "'" + name(option) + "' is true or "
                        + "false; got '" + shorten(value) + "'.");
            };
        }

        int number(String option, int fallback, int min, int max) {
            var value = raw(option);
            if (value == null) {
                return fallback;
            }
            try {
                var number = Integer.parseInt(value.strip());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new InvalidDriverOptionsException(name(option), "'" + name(option) + "' must be a whole number from "
                    + min + " to " + max + "; got '" + shorten(value) + "'.");
        }

        /** docker-machine's form: {@code key1,value1,key2,value2}. */
        Map<String, String> tags() {
            var value = raw("tags");
            var tags = new LinkedHashMap<String, String>();
            if (value == null) {
                return tags;
            }
            var parts = value.split(",", -1);
            if (parts.length % 2 != 0) {
                throw new InvalidDriverOptionsException(name("tags"), "'" + name("tags") + "' takes pairs, "
                        + "key1,value1,key2,value2; got " + parts.length + " items.");
            }
            for (int i = 0; i < parts.length; i += 2) {
                var key = parts[i].strip();
                if (key.isEmpty() || key.length() > 128 || key.startsWith("aws:") || key.startsWith("harbormaster-")
                        || key.equals("Name")) {
                    throw new InvalidDriverOptionsException(name("tags"), "Tag key '" + shorten(key) + "' in '"
                            + name("tags") + "' is not allowed: keys are 1 to 128 characters, and 'aws:…', 'harbormaster-…' and 'Name' are "
                            + "set by AWS and Harbormaster.");
                }
                tags.put(key, parts[i + 1].strip());
            }
            return tags;
        }

        private static InvalidDriverOptionsException bad(String option, String value, String example) {
            return new InvalidDriverOptionsException(name(option), "'" + name(option) + "' takes " + example
                    + "; got '" + shorten(value) + "'.");
        }

        private static String shorten(String value) {
            return value.length() <= 40 ? value : value.substring(0, 40) + "…";
        }
    }
}
