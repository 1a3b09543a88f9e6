package io.harbormaster.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token format the CLI and the docs promise, and the hash {@code sec_api_token} holds. */
class ApiTokenSecretsTest {

    @Test
    void aTokenIsThePrefixAnd256RandomBits_andItsHashIsHexSha256() {
        var token = ApiTokenSecrets.generate();
        assertThat(token).startsWith("hm_").hasSize(3 + 43).doesNotContain("=");
        assertThat(ApiTokenSecrets.generate()).isNotEqualTo(token);
        assertThat(ApiTokenSecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyOurTokensAreLookedUp() {
        assertThat(ApiTokenSecrets.wellFormed(ApiTokenSecrets.generate())).isTrue();
        assertThat(ApiTokenSecrets.wellFormed(null)).isFalse();
        assertThat(ApiTokenSecrets.wellFormed("ghp_something")).isFalse();
        assertThat(ApiTokenSecrets.wellFormed("hm_" + "a".repeat(200))).isFalse();
    }
}
