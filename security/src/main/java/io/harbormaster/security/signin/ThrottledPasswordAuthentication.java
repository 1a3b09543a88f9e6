package io.harbormaster.security.signin;

import io.harbormaster.security.account.AccountStore;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for both chains (API Basic and the portal's form login use the global authentication manager):
 * the accounts of {@link AccountStore}, refused while {@link SignInThrottle} has the username locked for the client
 * address. The API answers such requests 429 earlier ({@link SignInThrottleFilter}); this is the portal's guard. The
 * refusal is a {@link LockedException}, which Spring does not publish as bad credentials, so it does not prolong
 * the lock.
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledPasswordAuthentication(AccountStore accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        if (throttle.passwordLocked(authentication.getName(), address).isPresent()) {
            throw new LockedException("Too many failed sign-ins; try again later");
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
