package io.harbormaster.testing.ec2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.harbormaster.testing.ec2.StandInResources.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * A stand-in of Amazon EC2 for tests: the EC2 Query API ({@code POST}, form-encoded {@code Action=…&Version=2016-11-15},
 * XML answers in AWS's documented shapes, AWS's error format and statuses) on a loopback port, for the actions
 * Harbormaster's amazonec2 driver uses, plus STS's {@code AssumeRole}. Reach it through the AWS SDK's endpoint
 * override, as a regional endpoint would be reached.
 *
 * <p>Every request must carry a Signature Version 4 signed with an access key the test registered
 * ({@link #addAccessKey}); the signature is checked with that key's secret. Unknown or removed keys are refused with
 * {@code AuthFailure}, so tests can rotate credentials. Instances are <b>real test hosts</b> ({@code infra/testhosts}):
 * RunInstances brings one up with sshd, Docker Engine and the imported key pair authorized for root; StopInstances
 * takes it down (disks kept); StartInstances brings it back at a <b>new address</b> from the pool, as an instance
 * without an Elastic IP; TerminateInstances removes it. Tests inject failures ({@link #failNext}) and read every
 * request ({@link #requests()}).
 */
public final class Ec2StandIn implements AutoCloseable {

    /** The test-host addresses this repository reserves for the stand-in's instances: 10.213.0.100 to .139. */
    public static final List<String> ADDRESSES = IntStream.rangeClosed(100, 139).mapToObj(n -> "10.213.0." + n)
            .toList();
    /** The Ubuntu image every stand-in has, owned by Canonical's account as on EC2. */
    public static final Image UBUNTU = new Image("ami-0e2c8caa4b6378d8c",
            "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250115", StandInState.CANONICAL,
            "/dev/sda1", "x86_64", "2025-01-15T00:00:00.000Z");
    static final String EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final HttpServer server;
    private final StandInState state;
    private final NetworkActions network;
    private final InstanceActions instances;
    private final InstanceHosts hosts;
    private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Boolean> roles = new ConcurrentHashMap<>();
    private final Deque<Ec2Failure> failures = new ArrayDeque<>();
    private final List<Ec2Request> requests = new CopyOnWriteArrayList<>();

    private record AccessKey(String secret, String sessionToken) {
    }

    /** A stand-in of {@code region} whose instances take addresses from {@code addresses} (test-host addresses). */
    public Ec2StandIn(String region, List<String> addresses) {
        try {
            var keyFiles = Files.createTempDirectory("ec2-stand-in-keys");
            this.state = new StandInState(region, addresses, Executors.newVirtualThreadPerTaskExecutor(), keyFiles);
            this.network = new NetworkActions(state);
            this.hosts = new InstanceHosts(state);
            this.instances = new InstanceActions(state, hosts);
            state.images.put(UBUNTU.id(), UBUNTU);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The endpoint to give the SDK's endpoint override, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String region() {
        return state.region;
    }

    /** Accepts requests signed with this key from now on. */
    public Ec2StandIn addAccessKey(String accessKeyId, String secretAccessKey) {
        keys.put(accessKeyId, new AccessKey(secretAccessKey, null));
        return this;
    }

    /** Refuses requests signed with this key from now on ({@code AuthFailure}), as after a rotation on AWS. */
    public Ec2StandIn removeAccessKey(String accessKeyId) {
        keys.remove(accessKeyId);
        return this;
    }

    /** Lets {@code AssumeRole} of this role ARN succeed; other roles are refused with {@code AccessDenied}. */
    public Ec2StandIn addRole(String roleArn) {
        roles.put(roleArn, true);
        return this;
    }

    /** Adds an image that RunInstances and DescribeImages know. */
    public Ec2StandIn addImage(Image image) {
        state.images.put(image.id(), image);
        return this;
    }

    /** The next {@code times} requests of {@code action} fail with {@code code} and {@code message}. */
    public Ec2StandIn failNext(String action, String code, String message, int times) {
        return failLater(action, 0, code, message, times);
    }

    /** After {@code skip} more requests of {@code action} succeed, the next {@code times} fail with {@code code}. */
    public Ec2StandIn failLater(String action, int skip, String code, String message, int times) {
        synchronized (failures) {
            failures.add(new Ec2Failure(action, code, message, times, skip));
        }
        return this;
    }

    /** Forgets the injected failures that have not happened yet. */
    public Ec2StandIn clearFailures() {
        synchronized (failures) {
            failures.clear();
        }
        return this;
    }

    /** The next request of {@code action} fails with {@code code} and {@code message}. */
    public Ec2StandIn failNext(String action, String code, String message) {
        return failNext(action, code, message, 1);
    }

    /** Every request so far, in order. */
    public List<Ec2Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of {@code action} so far. */
    public List<Ec2Request> requests(String action) {
        return requests.stream().filter(r -> r.action().equals(action)).toList();
    }

    /** The instance's state as EC2 names it ({@code running}, {@code stopped}, …). */
    public String instanceState(String instanceId) {
        return state.instance(instanceId).state();
    }

    /** The instance's current host address (its public IP, or its private one without a public IP), or null. */
    public String instanceAddress(String instanceId) {
        return state.instance(instanceId).hostAddress();
    }

    /** The ids of the instances not terminated. */
    public List<String> liveInstances() {
        return state.instances.values().stream().filter(i -> !i.terminated()).map(i -> i.id).toList();
    }

    /** The tags of an instance. */
    public Map<String, String> instanceTags(String instanceId) {
        var instance = state.instance(instanceId);
        synchronized (instance) {
            return Map.copyOf(instance.tags);
        }
    }

    /** What RunInstances asked for this instance, by the request's parameter names (as the request carried them). */
    public Optional<Ec2Request> launchRequest(String instanceId) {
        var token = state.instance(instanceId).launch.clientToken();
        return requests("RunInstances").stream().filter(Ec2Request::accepted)
                .filter(r -> token != null && token.equals(r.param("ClientToken"))).findFirst();
    }

    /** The names of the key pairs. */
    public List<String> keyPairNames() {
        return List.copyOf(state.keyPairs.keySet());
    }

    /** The public key imported under {@code name}, as an {@code authorized_keys} line without comment. */
    public Optional<String> keyPairPublicKey(String name) {
        return Optional.ofNullable(state.keyPairs.get(name)).map(StandInResources.KeyPair::publicKey);
    }

    /** The security groups' names by id. */
    public Map<String, String> securityGroups() {
        var names = new java.util.TreeMap<String, String>();
        state.groups.values().forEach(g -> names.put(g.id, g.name));
        return names;
    }

    /** The ingress rules of a group as {@code port/protocol} (such as {@code 22/tcp}). */
    public List<String> ingressOf(String groupId) {
        var group = state.group(groupId);
        synchronized (group) {
            return group.ingress.stream().map(p -> p.fromPort() + "/" + p.protocol()).toList();
        }
    }

    /** Why hosts failed to come up or go down, if any did. */
    public List<String> hostFailures() {
        return List.copyOf(instances.hostFailures);
    }

    /** Terminates every instance still alive, as if from the console, and returns once their hosts are down. */
    public void terminateAll() {
        for (var instance : state.instances.values()) {
            synchronized (instance) {
                if (!instance.terminated() && !instance.state().equals("shutting-down")) {
                    hosts.terminate(instance, message -> { });
                }
            }
        }
        hosts.awaitAll();
    }

    /** Terminates every instance still alive (their hosts go down) and stops answering. */
    @Override
    public void close() {
        terminateAll();
        server.stop(0);
        state.hostWork.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var form = new String(body, StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getRawQuery() != null && form.isEmpty()) {
                form = exchange.getRequestURI().getRawQuery();
            }
            var params = QueryParams.parse(form);
            var action = params.values().getOrDefault("Action", "");
            var signature = Signature.parse(exchange.getRequestHeaders().getFirst("Authorization"));
            var sts = signature != null && signature.service().equals("sts") || action.equals("AssumeRole");
            var requestId = UUID.randomUUID().toString();
            String answer;
            int status = 200;
            boolean accepted = false;
            try {
                authenticate(exchange, signature, body);
                inject(action);
                answer = sts ? sts(action, params, signature, requestId) : ec2(action, params, requestId);
                accepted = true;
            } catch (Ec2Error e) {
                status = e.status();
                answer = sts ? stsError(e, requestId) : ec2Error(e, requestId);
            }
            requests.add(new Ec2Request(action, signature == null ? null : signature.accessKeyId(),
                    signature == null ? null : signature.region(), signature == null ? null : signature.service(),
                    accepted, params.values(), java.time.Instant.now()));
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void authenticate(HttpExchange exchange, Signature signature, byte[] body) {
        if (signature == null) {
            throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        var key = keys.get(signature.accessKeyId());
        if (key == null) {
            throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        var uri = exchange.getRequestURI();
        if (!signature.verify(key.secret(), exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body)) {
            throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        if (key.sessionToken() != null
                && !key.sessionToken().equals(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"))) {
            throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        }
    }

    private void inject(String action) {
        synchronized (failures) {
            var failure = failures.stream().filter(f -> f.action().equals(action)).findFirst();
            if (failure.isPresent()) {
                var f = failure.get();
                var at = new java.util.ArrayList<>(failures).indexOf(f);
                failures.remove(f);
                if (f.skip() > 0) {
                    putBack(at, new Ec2Failure(f.action(), f.code(), f.message(), f.times(), f.skip() - 1));
                    return;
                }
                if (f.times() > 1) {
                    putBack(at, new Ec2Failure(f.action(), f.code(), f.message(), f.times() - 1, 0));
                }
                throw new Ec2Error(f.code(), f.message());
            }
        }
    }

    /** Puts a failure back where it was in line, so failures of one action keep their order. */
    private void putBack(int at, Ec2Failure failure) {
        var all = new java.util.ArrayList<>(failures);
        all.add(Math.min(at, all.size()), failure);
        failures.clear();
        failures.addAll(all);
    }

    private String ec2(String action, QueryParams params, String requestId) {
        if (!"2016-11-15".equals(params.get("Version"))) {
            throw new Ec2Error("InvalidParameterValue", "The stand-in speaks EC2 API version 2016-11-15 only");
        }
        var inner = switch (action) {
            case "RunInstances" -> instances.runInstances(params);
            case "DescribeInstances" -> instances.describeInstances(params);
            case "StartInstances" -> instances.startInstances(params);
            case "StopInstances" -> instances.stopInstances(params);
            case "RebootInstances" -> instances.rebootInstances(params);
            case "TerminateInstances" -> instances.terminateInstances(params);
            case "CreateTags" -> instances.createTags(params);
            case "ImportKeyPair" -> network.importKeyPair(params);
            case "DescribeKeyPairs" -> network.describeKeyPairs(params);
            case "DeleteKeyPair" -> network.deleteKeyPair(params);
            case "CreateSecurityGroup" -> network.createSecurityGroup(params);
            case "DescribeSecurityGroups" -> network.describeSecurityGroups(params);
            case "AuthorizeSecurityGroupIngress" -> network.authorizeSecurityGroupIngress(params);
            case "DeleteSecurityGroup" -> network.deleteSecurityGroup(params);
            case "DescribeVpcs" -> network.describeVpcs(params);
            case "DescribeSubnets" -> network.describeSubnets(params);
            case "DescribeImages" -> network.describeImages(params);
            default -> throw new Ec2Error("InvalidAction", "The action " + action + " is not valid for this web "
                    + "service.");
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NAMESPACE
                + "\"><requestId>" + requestId + "</requestId>" + inner + "</" + action + "Response>";
    }

    /** STS's AssumeRole: temporary credentials (a key, a secret and a session token) that this stand-in accepts. */
    private String sts(String action, QueryParams params, Signature signature, String requestId) {
        if (!action.equals("AssumeRole")) {
            throw new Ec2Error("InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
        }
        var role = params.require("RoleArn");
        if (!roles.containsKey(role)) {
            throw new Ec2Error("AccessDenied", "User: arn:aws:iam::" + StandInState.ACCOUNT + ":user/"
                    + signature.accessKeyId() + " is not authorized to perform: sts:AssumeRole on resource: " + role,
                    403);
        }
        var keyId = "ASIA" + StandInState.hex(8).toUpperCase();
        var secret = StandInState.hex(20);
        var token = StandInState.hex(32);
        keys.put(keyId, new AccessKey(secret, token));
        var session = params.require("RoleSessionName");
        var xml = new Xml().open("AssumeRoleResult").open("Credentials").leaf("AccessKeyId", keyId)
                .leaf("SecretAccessKey", secret).leaf("SessionToken", token)
                .leaf("Expiration", java.time.Instant.now().plusSeconds(3600).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS))
                .close("Credentials").open("AssumedRoleUser").leaf("AssumedRoleId", "AROA" + keyId + ":" + session)
                .leaf("Arn", role.replace(":role/", ":assumed-role/") + "/" + session).close("AssumedRoleUser")
                .close("AssumeRoleResult").open("ResponseMetadata").leaf("RequestId", requestId)
                .close("ResponseMetadata");
        return "<AssumeRoleResponse xmlns=\"" + STS_NAMESPACE + "\">" + xml + "</AssumeRoleResponse>";
    }

    private static String ec2Error(Ec2Error e, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new Xml().open("Response").open("Errors")
                .open("Error").leaf("Code", e.code()).leaf("Message", e.getMessage()).close("Error").close("Errors")
                .leaf("RequestID", requestId).close("Response");
    }

    private static String stsError(Ec2Error e, String requestId) {
        return "<ErrorResponse xmlns=\"" + STS_NAMESPACE + "\">" + new Xml().open("Error")
                .leaf("Type", e.status() >= 500 ? "Receiver" : "Sender").leaf("Code", e.code())
                .leaf("Message", e.getMessage()).close("Error").leaf("RequestId", requestId) + "</ErrorResponse>";
    }
}
