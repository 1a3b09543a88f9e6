package io.harbormaster.api.credential;

import java.util.regex.Pattern;

/**
 * What goes with an AWS key and is no secret: a role to assume with it (an IAM role ARN) and the region machines get
 * when they name none. Either may be null.
 */
public record AwsSettings(String roleArn, String region) {

    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$");

    public AwsSettings {
        roleArn = roleArn(roleArn);
        region = region(region);
    }

    public static AwsSettings none() {
        return new AwsSettings(null, null);
    }

    /** The role ARN, or null for none (blank counts as none). */
    public static String roleArn(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var arn = value.strip();
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("a role to assume is an IAM role ARN, like "
                    + "arn:aws:iam::123456789012:role/harbormaster");
        }
        return arn;
    }

    /** The region, or null for none (blank counts as none). */
    public static String region(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var region = value.strip();
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("a region is an AWS region name, like eu-central-1 or us-gov-west-1");
        }
        return region;
    }

    /** These settings with {@code changes}' non-null values taking precedence. */
    public AwsSettings with(AwsSettings changes) {
        if (changes == null) {
            return this;
        }
        return new AwsSettings(changes.roleArn() != null ? changes.roleArn() : roleArn,
                changes.region() != null ? changes.region() : region);
    }
}
