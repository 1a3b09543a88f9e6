package io.harbormaster.command.secret.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.command.secret.SecretStoreContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte form the sealed store encrypts. */
class SecretCodecTest {

    @Test
    void encodedDataDecodesToTheSameData() {
        var data = Map.of("ca-key.pem", SecretStoreContract.CA_KEY, "empty", "");

        assertThat(SecretCodec.decode(SecretCodec.encode(data))).isEqualTo(data);
    }
}
