package io.harbormaster.testing.ec2;

/**
 * An EC2 error answer: its code, message and HTTP status, as AWS documents them
 * ({@code <Response><Errors><Error><Code>…}). Thrown by the stand-in's actions, turned into the answer by the server.
 */
final class Ec2Error extends RuntimeException {

    private final String code;
    private final int status;

    Ec2Error(String code, String message) {
        this(code, message, statusOf(code));
    }

    Ec2Error(String code, String message, int status) {
        super(message);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** The status AWS answers a code with: client mistakes 400, sign-in 401, permissions 403, capacity 500, throttling 503. */
    static int statusOf(String code) {
        return switch (code) {
            case "AuthFailure" -> 401;
            case "UnauthorizedOperation", "Blocked", "OptInRequired", "MissingAuthenticationToken",
                 "InvalidClientTokenId", "ExpiredToken", "AccessDenied" -> 403;
            case "InsufficientInstanceCapacity", "InsufficientAddressCapacity", "InternalError",
                 "InsufficientFreeAddressesInSubnet", "Unavailable" -> 500;
            case "RequestLimitExceeded", "Throttling", "ServiceUnavailable" -> 503;
            default -> 400;
        };
    }
}
