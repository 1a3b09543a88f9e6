package io.harbormaster.security.account;

import io.harbormaster.api.user.UserId;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: the id that goes into events, the name people read, and the platform role. */
public record Account(UserId userId, String username, boolean platformAdmin, String passwordHash, boolean enabled)
        implements UserDetails {

    public static final String ADMIN_ROLE = "ADMIN";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformAdmin
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        // No password yet means no sign-in yet: an admin sets one first.
        return enabled && passwordHash != null;
    }

    @Override
    public String toString() {
        return "Account[" + username + "]";
    }
}
