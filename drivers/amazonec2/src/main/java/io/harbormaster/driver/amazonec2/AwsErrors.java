package io.harbormaster.driver.amazonec2;

import io.harbormaster.driver.DriverException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what AWS answered into words a user can act on: what was being done, in which region with which identity,
 * what AWS said (its code, its message shortened, its request id) and what to do next. The SDK's messages never
 * carry keys, and neither do these: the identity is named, never shown.
 */
final class AwsErrors {

    private AwsErrors() {
    }

    /** Runs one EC2 call; a failure becomes a {@link DriverException} saying what {@code doing} came to. */
    static <T> T call(Ec2Target target, String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw explain(target, doing, e);
        }
    }

    static DriverException explain(Ec2Target target, String doing, SdkException e) {
        if (e instanceof AwsServiceException aws) {
            return new Ec2Refusal(code(aws), message(target, doing, aws), aws);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new DriverException("EC2 in " + target.region() + " did not answer within "
                    + target.settings().apiCallTimeout().toSeconds() + " s while Harbormaster tried to " + doing
                    + ". Check the platform's network path to AWS, then try again.", e);
        }
        var detail = e instanceof SdkClientException ? shorten(e.getMessage()) : e.getClass().getSimpleName();
        return new DriverException("Harbormaster could not reach EC2 in " + target.region() + " to " + doing + ": "
                + detail + ". Check the platform's network path to AWS (and the region), then try again.", e);
    }

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
    }

    private static String message(Ec2Target target, String doing, AwsServiceException e) {
        var code = code(e);
        var said = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        var what = "AWS refused to " + doing + " in " + target.region() + " (" + code + (said == null ? ""
                : ": " + shorten(said)) + (e.requestId() == null ? "" : "; request " + e.requestId()) + "). ";
        var advice = switch (code) {
            case "AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException",
                 "IncompleteSignature" -> "AWS does not accept " + target.identity() + ": its access key is unknown, "
                    + "deactivated or rotated away, or its secret does not match. A team owner rotates the "
                    + "credential to a working key; then try again.";
            case "ExpiredToken", "RequestExpired", "ExpiredTokenException" -> "The session token of "
                    + target.identity() + " has expired. A team owner rotates the credential with a fresh one (or a "
                    + "long-lived key with a role to assume); then try again.";
            case "UnauthorizedOperation", "AccessDenied", "AccessDeniedException" -> target.identity()
                    + " may not do that. Give its IAM user or role the permissions listed in "
                    + "docs/drivers/amazonec2.md (IAM policy); then try again.";
            case "InsufficientInstanceCapacity", "InsufficientHostCapacity", "InsufficientCapacity",
                 "Unsupported" -> "AWS has no capacity for that instance type in that zone right now. Choose another "
                    + "zone (amazonec2-zone) or instance type (amazonec2-instance-type), or try again later.";
            case "VcpuLimitExceeded", "InstanceLimitExceeded", "MaxSpotInstanceCountExceeded" -> "The account has "
                    + "reached its limit for instances of that kind in " + target.region() + ". Remove instances it "
                    + "no longer needs or ask AWS for a higher quota (Service Quotas); then try again.";
            case "InvalidAMIID.NotFound", "InvalidAMIID.Malformed", "InvalidAMIID.Unavailable" -> "Images (AMIs) "
                    + "belong to one region, and this account may not use every image. Give an image of "
                    + target.region() + " with amazonec2-ami, or leave it out for the default Ubuntu image.";
            case "InvalidKeyPair.Duplicate" -> "A key pair of that name exists already and was not made for this "
                    + "machine. Delete it in EC2 or choose another machine name.";
            case "InvalidKey.Format" -> "EC2 imports RSA and Ed25519 public keys only. Create the machine with such a "
                    + "key, or let Harbormaster make one.";
            case "RequestLimitExceeded", "Throttling", "ThrottlingException" -> "AWS is throttling this account's "
                    + "requests and the SDK's retries did not get through. Wait a minute and try again; if it lasts, "
                    + "something else in the account is making many EC2 requests.";
            case "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed" -> "Subnets belong to one region: check "
                    + "amazonec2-subnet-id (and amazonec2-region).";
            case "InvalidVpcID.NotFound", "InvalidVpcID.Malformed" -> "VPCs belong to one region: check "
                    + "amazonec2-vpc-id (and amazonec2-region).";
            case "InvalidGroup.NotFound" -> "Check amazonec2-security-group: groups belong to one VPC.";
            case "OptInRequired", "PendingVerification", "Blocked" -> "The account may not use EC2 there yet "
                    + "(the region may need enabling, or the account verifying). Sort that out in the AWS console; "
                    + "then try again.";
            case "InvalidParameterValue", "InvalidParameterCombination", "InvalidParameter", "MissingParameter",
                 "InvalidInstanceType" -> "Check the machine's amazonec2 options against what EC2 said.";
            case "IncorrectInstanceState", "IncorrectState" -> "The instance is busy changing state; try again "
                    + "once it has settled.";
            case "InternalError", "InternalFailure", "ServiceUnavailable", "Unavailable" -> "That is AWS's own "
                    + "trouble; try again in a while.";
            default -> "Check what EC2 said, and the machine's amazonec2 options.";
        };
        return what + advice;
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        var oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    /** AWS refused a call; {@code code} is AWS's error code, for the driver's own decisions. */
    static final class Ec2Refusal extends DriverException {

        private final String code;

        Ec2Refusal(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
