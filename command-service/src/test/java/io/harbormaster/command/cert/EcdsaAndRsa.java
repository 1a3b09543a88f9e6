package io.harbormaster.command.cert;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs a test once with the default ECDSA P-256 and once with RSA-2048 (RSA-4096 differs only in size and time). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(value = KeyAlgorithm.class, names = {"ECDSA_P256", "RSA_2048"})
@interface EcdsaAndRsa {
}
