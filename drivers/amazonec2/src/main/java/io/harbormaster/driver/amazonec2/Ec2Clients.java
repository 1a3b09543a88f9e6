package io.harbormaster.driver.amazonec2;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.CloudCredential;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Makes the EC2 client for a machine: its region (the option, else the credential's {@code region}, else us-east-1),
 * its identity (the team credential it names, through the driver context, with the role in {@code role-arn} assumed
 * through STS; or the platform's own identity, the SDK's default chain, where the operator allows it), the SDK's
 * standard retries with back-off and the operator's timeouts. Clients are kept per region and identity; a rotated
 * credential has other values and so gets a new client, and the least recently used are closed beyond 32.
 */
final class Ec2Clients implements AutoCloseable {

    private static final int KEPT = 32;

    private final DriverContext context;
    private final SdkHttpClient http = Apache5HttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build();
    private final Map<String, Held> clients = new LinkedHashMap<>(16, 0.75f, true);

    private record Held(Ec2Client client, SdkAutoCloseable identity) {
    }

    Ec2Clients(DriverContext context) {
        this.context = context;
    }

    /** The client for a machine of {@code team} with {@code options}. */
    Ec2Target open(TeamId team, Ec2Options options) {
        var settings = Ec2Settings.from(context);
        CloudCredential credential = null;
        String identity;
        if (options.credential() != null) {
            if (team == null) {
                throw new DriverException("Harbormaster did not say which team this machine belongs to, so its "
                        + "credential '" + options.credential() + "' cannot be found.");
            }
            credential = context.cloudCredential(team, options.credential()).orElseThrow(() -> new DriverException(
                    "The team has no cloud credential '" + options.credential() + "'. A team owner adds it "
                            + "(POST /api/teams/{team}/credentials, type aws); then try again."));
            identity = "the credential '" + options.credential() + "'";
        } else if (settings.usePlatformIdentity()) {
            identity = "the platform's AWS identity";
        } else {
            throw new DriverException("The machine names no AWS credential (amazonec2-credential) and this platform "
                    + "does not lend its own AWS identity. A team owner adds a credential to the team; then create "
                    + "the machine with --amazonec2-credential NAME.");
        }
        var region = options.region() != null ? options.region()
                : credential != null ? credential.field("region").filter(r -> !r.isBlank()).orElse(
                Ec2Options.DEFAULT_REGION) : Ec2Options.DEFAULT_REGION;
        var key = region + "|" + settings + "|" + (credential == null ? "platform" : team.value() + "/"
                + credential.name() + "#" + digest(credential.fields()));
        synchronized (clients) {
            var held = clients.get(key);
            if (held == null) {
                held = build(region, settings, credential);
                clients.put(key, held);
                trim();
            }
            return new Ec2Target(held.client(), region, identity, settings);
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.values().forEach(Ec2Clients::close);
            clients.clear();
        }
        http.close();
    }

    private Held build(String region, Ec2Settings settings, CloudCredential credential) {
        AwsCredentialsProvider provider;
        SdkAutoCloseable identity = null;
        if (credential == null) {
            var chain = DefaultCredentialsProvider.builder().build();
            provider = chain;
            identity = chain;
        } else {
            var keyId = credential.require("access-key-id");
            var secret = credential.require("secret-access-key");
            var token = credential.field("session-token").filter(t -> !t.isBlank());
            var base = StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(keyId, secret, token.get())
                    : AwsBasicCredentials.create(keyId, secret));
            var role = credential.field("role-arn").filter(r -> !r.isBlank());
            if (role.isPresent()) {
                var sts = StsClient.builder().region(Region.of(region)).credentialsProvider(base).httpClient(http)
                        .overrideConfiguration(overrides(settings));
                if (settings.stsEndpoint() != null) {
                    sts.endpointOverride(settings.stsEndpoint());
                }
                var assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build())
                        .refreshRequest(r -> r.roleArn(role.get()).roleSessionName("harbormaster"))
                        .build();
                provider = assumed;
                identity = assumed;
            } else {
                provider = base;
            }
        }
        var builder = Ec2Client.builder().region(Region.of(region)).credentialsProvider(provider).httpClient(http)
                .overrideConfiguration(overrides(settings));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return new Held(builder.build(), identity);
    }

    private static ClientOverrideConfiguration overrides(Ec2Settings settings) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts()).build())
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                .build();
    }

    private void trim() {
        var oldest = clients.entrySet().iterator();
        while (clients.size() > KEPT && oldest.hasNext()) {
            close(oldest.next().getValue());
            oldest.remove();
        }
    }

    private static void close(Held held) {
        held.client().close();
        if (held.identity() != null) {
            held.identity().close();
        }
    }

    /** Tells credential versions apart without keeping their values in the key. */
    private static String digest(Map<String, String> fields) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(fields).forEach((k, v) -> sha.update((k + "\u0000" + v + "\u0000")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
