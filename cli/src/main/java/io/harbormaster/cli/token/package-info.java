/** {@code hm tokens}: list, create (the secret printed once, on standard output alone) and revoke personal API tokens. */
package io.harbormaster.cli.token;
