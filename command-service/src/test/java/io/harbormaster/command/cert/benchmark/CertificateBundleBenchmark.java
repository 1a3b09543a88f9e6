package io.harbormaster.command.cert.benchmark;

import io.harbormaster.command.cert.CertificateAuthority;
import io.harbormaster.command.cert.CertificatePolicy;
import io.harbormaster.command.cert.IssuedCertificate;
import io.harbormaster.command.cert.KeyAlgorithm;
import io.harbormaster.command.cert.MachineCa;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What making certificates costs per key algorithm: a whole machine bundle (a new CA, the server certificate and one
 * client certificate, as creating a machine or rotating its CA does) and one client certificate from an existing CA
 * (what every {@code env}/{@code config} request costs). Key generation dominates, RSA's prime search most of all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificateBundleBenchmark {

    private static final List<String> ADDRESSES = List.of("203.0.113.7", "2001:db8::7", "build-1.example.com");

    @Param({"ECDSA_P256", "RSA_2048", "RSA_4096"})
    public KeyAlgorithm algorithm;

    private final CertificateAuthority authority = new CertificateAuthority();
    private CertificatePolicy policy;
    private MachineCa existingCa;

    @Setup
    public void setUp() {
        policy = CertificatePolicy.defaults().withKeyAlgorithm(algorithm);
        existingCa = authority.createCa("build-1", policy);
    }

    @Benchmark
    public void machineBundle(Blackhole blackhole) {
        var ca = authority.createCa("build-1", policy);
        blackhole.consume(ca);
        blackhole.consume(authority.issueServer(ca, "build-1", ADDRESSES, policy));
        blackhole.consume(authority.issueClient(ca, "alice", "ops", policy.clientValidity()));
    }

    @Benchmark
    public IssuedCertificate clientCertificate() {
        return authority.issueClient(existingCa, "alice", "ops", Duration.ofHours(24));
    }
}
