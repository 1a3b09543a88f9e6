package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyAlgorithmTest {

    @ParameterizedTest
    @CsvSource({"ecdsa-p256, ECDSA_P256", "RSA-2048, RSA_2048", "' rsa-4096 ', RSA_4096"})
    void theUsersSpellingIsReadIgnoringCaseAndSurroundingSpace(String text, KeyAlgorithm expected) {
        assertThat(KeyAlgorithm.parse(text)).isEqualTo(expected);
        assertThat(KeyAlgorithm.parse(expected.text())).isEqualTo(expected);
    }

    @Test
    void anUnknownAlgorithmIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> KeyAlgorithm.parse("dsa-1024"))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessage("Unknown key algorithm 'dsa-1024'. Choose one of: ecdsa-p256 (default), rsa-2048, rsa-4096.");
        assertThatThrownBy(() -> KeyAlgorithm.parse(" "))
                .hasMessage("No key algorithm given. Choose one of: ecdsa-p256 (default), rsa-2048, rsa-4096.");
    }

    @Test
    void theDefaultIsEcdsaP256() {
        assertThat(KeyAlgorithm.DEFAULT).isEqualTo(KeyAlgorithm.ECDSA_P256);
        assertThat(CertificatePolicy.defaults().keyAlgorithm()).isEqualTo(KeyAlgorithm.ECDSA_P256);
    }

    @Test
    void theAlgorithmOfAKeyIsRecognisedAndOtherKeysAreRefusedByName() throws Exception {
        var random = new SecureRandom();
        for (var algorithm : KeyAlgorithm.values()) {
            assertThat(KeyAlgorithm.of(algorithm.generateKeyPair(random).getPublic())).isEqualTo(algorithm);
        }
        var p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        var rsa3072 = KeyPairGenerator.getInstance("RSA");
        rsa3072.initialize(3072);

        assertThatThrownBy(() -> KeyAlgorithm.of(p384.generateKeyPair().getPublic()))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageContaining("384-bit curve other than P-256");
        assertThatThrownBy(() -> KeyAlgorithm.of(rsa3072.generateKeyPair().getPublic()))
                .hasMessageStartingWith("The key is RSA 3072");
    }
}
