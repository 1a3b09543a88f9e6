package io.harbormaster.testing.ec2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A request's AWS Signature Version 4, read from its {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/ec2/aws4_request, SignedHeaders=…, Signature=…}) and
 * checked against the secret the test registered for that access key, as AWS checks it.
 */
record Signature(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                 String signature) {

    private static final Pattern HEADER = Pattern.compile(
            "^AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), "
                    + "?Signature=([0-9a-f]{64})$");

    /** The signature of a request, or null when its header is missing or not SigV4's. */
    static Signature parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        var match = HEADER.matcher(authorization.strip());
        if (!match.matches()) {
            return null;
        }
        return new Signature(match.group(1), match.group(2), match.group(3), match.group(4),
                List.of(match.group(5).split(";")), match.group(6));
    }

    /** Whether the request (its method, path, query, headers and body) was signed with {@code secret}. */
    boolean verify(String secret, String method, String path, String query, Map<String, List<String>> headers,
                   byte[] body) {
        var lowerCased = new TreeMap<String, List<String>>();
        headers.forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), values));
        var canonicalHeaders = new StringBuilder();
        for (var name : signedHeaders) {
            var values = lowerCased.get(name);
            if (values == null) {
                return false;
            }
            canonicalHeaders.append(name).append(':')
                    .append(String.join(",", values.stream().map(v -> v.strip().replaceAll(" +", " ")).toList()))
                    .append('\n');
        }
        var amzDate = lowerCased.getOrDefault("x-amz-date", List.of("")).getFirst();
        var canonicalRequest = method + "\n" + (path.isEmpty() ? "/" : path) + "\n" + (query == null ? "" : query)
                + "\n" + canonicalHeaders + "\n" + String.join(";", signedHeaders) + "\n" + hex(sha256(body));
        var scope = date + "/" + region + "/" + service + "/aws4_request";
        var toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        var key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return MessageDigest.isEqual(hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
