package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatePolicyTest {

    @Test
    void theDefaultsAreAnEcdsaCaForTenYearsServersForTwoYearsAndClientsForADay() {
        var policy = CertificatePolicy.defaults();

        assertThat(policy.keyAlgorithm()).isEqualTo(KeyAlgorithm.ECDSA_P256);
        assertThat(policy.caValidity()).isEqualTo(Duration.ofDays(3650));
        assertThat(policy.serverValidity()).isEqualTo(Duration.ofDays(730));
        assertThat(policy.clientValidity()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.extraSans()).isEmpty();
    }

    @Test
    void eachWitherChangesOnlyItsOwnPart() {
        var policy = CertificatePolicy.defaults()
                .withKeyAlgorithm(KeyAlgorithm.RSA_4096)
                .withServerValidity(Duration.ofDays(90))
                .withClientValidity(Duration.ofHours(8))
                .withExtraSans(List.of("docker.example.org"));

        assertThat(policy).isEqualTo(new CertificatePolicy(KeyAlgorithm.RSA_4096, Duration.ofDays(3650),
                Duration.ofDays(90), Duration.ofHours(8), List.of("docker.example.org")));
    }

    @Test
    void clientValidityIsKeptBetweenOneHourAndSevenDays() {
        var defaults = CertificatePolicy.defaults();

        assertThat(defaults.withClientValidity(Duration.ofHours(1)).clientValidity()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.withClientValidity(Duration.ofDays(7)).clientValidity()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> defaults.withClientValidity(Duration.ofDays(8)))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessage("Client certificate validity must be between 1 hour and 7 days; got 8 days. "
                        + "Choose a validity in that range.");
        assertThatThrownBy(() -> defaults.withClientValidity(Duration.ofMinutes(-5)))
                .hasMessageContaining("got a negative duration");
    }

    @Test
    void aServerCertificateMayNotBeMeantToOutliveItsCa() {
        assertThatThrownBy(() -> CertificatePolicy.defaults().withServerValidity(Duration.ofDays(4000)))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessage("Server certificate validity must be between 1 day and 3650 days; got 4000 days. "
                        + "Choose a validity in that range.");
    }

    @Test
    void extraNamesAreCheckedWhenThePolicyIsMadeAndCannotBeChangedAfterwards() {
        var names = new ArrayList<>(List.of("docker.example.org"));
        var policy = CertificatePolicy.defaults().withExtraSans(names);
        names.add("sneaky.example.org");

        assertThat(policy.extraSans()).containsExactly("docker.example.org");
        assertThatThrownBy(() -> CertificatePolicy.defaults().withExtraSans(List.of("under score ok?")))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageStartingWith("'under score ok?' is neither an IP address nor a DNS name");
    }
}
