/**
 * The built-in accounts ({@code sec_account}, kept in the transaction of the user events), the signed-in principal
 * {@link io.harbormaster.security.account.Account} every sign-in method ends with, and setting a password.
 */
package io.harbormaster.security.account;
