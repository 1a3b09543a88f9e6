package io.harbormaster.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Back-off against guessing: after {@value #LIMIT} failed sign-ins within {@link #WINDOW} a key is locked until the
 * oldest of those failures leaves the window, and while it is locked even correct credentials are refused, so
 * guessing on gains nothing. Keys: a password for one username from one client address (a successful sign-in
 * clears it), tokens from one client address, and every failure from one address with a higher limit (spraying one
 * password over many usernames). Refused attempts while locked are not counted, so the lock ends on time.
 *
 * <p>Password failures arrive as Spring Security's authentication events, from the API's HTTP Basic and the portal's
 * form login alike; token failures are reported by the API's bearer token filter ({@code security.token}). The counters live in this process,
 * bounded to {@value #MAX_KEYS} keys: several replicas behind a load balancer would each count on their own and need a
 * shared store (the database or a cache) instead.
 */
@Component
public class SignInThrottle {

    static final int LIMIT = 5;
    static final int ADDRESS_LIMIT = 4 * LIMIT;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a password sign-in of {@code username} from {@code address} stays refused; empty when allowed. */
    Optional<Duration> passwordLocked(String username, String address) {
        return longest(lockedFor(passwordKey(username, address), LIMIT), lockedFor(addressKey(address), ADDRESS_LIMIT));
    }

    /** How long token sign-ins from {@code address} stay refused; empty when allowed. */
    Optional<Duration> tokenLocked(String address) {
        return longest(lockedFor(tokenKey(address), LIMIT), lockedFor(addressKey(address), ADDRESS_LIMIT));
    }

    void passwordFailed(String username, String address) {
        record(passwordKey(username, address), LIMIT);
        record(addressKey(address), ADDRESS_LIMIT);
    }

    void passwordSucceeded(String username, String address) {
        failures.remove(passwordKey(username, address));
    }

    public void tokenFailed(String address) {
        record(tokenKey(address), LIMIT);
        record(addressKey(address), ADDRESS_LIMIT);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            passwordFailed(attempt.getName(), addressOf(attempt));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            passwordSucceeded(signedIn.getName(), addressOf(signedIn));
        }
    }

    private static String addressOf(UsernamePasswordAuthenticationToken authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    private static String passwordKey(String username, String address) {
        return "password|" + address + "|" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String tokenKey(String address) {
        return "token|" + address;
    }

    private static String addressKey(String address) {
        return "address|" + address;
    }

    private Optional<Duration> lockedFor(String key, int limit) {
        var entry = failures.get(key);
        return entry == null ? Optional.empty() : entry.lockedFor(clock.instant(), limit);
    }

    private void record(String key, int limit) {
        if (failures.size() >= MAX_KEYS) {
            evict();
        }
        failures.computeIfAbsent(key, k -> new Failures()).add(clock.instant(), limit);
    }

    /** Drops keys whose failures all left the window; if an attacker fills the map with fresh keys, drops any. */
    private void evict() {
        var now = clock.instant();
        failures.values().removeIf(entry -> entry.expired(now));
        var excess = failures.size() - MAX_KEYS * 9 / 10;
        var keys = failures.keySet().iterator();
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    /** The times of the most recent failures of one key, at most its limit. */
    private static final class Failures {

        private final ArrayDeque<Instant> times = new ArrayDeque<>();

        synchronized void add(Instant at, int limit) {
            times.addLast(at);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }

        synchronized Optional<Duration> lockedFor(Instant now, int limit) {
            prune(now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }

        synchronized boolean expired(Instant now) {
            prune(now);
            return times.isEmpty();
        }

        private void prune(Instant now) {
            while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
                times.removeFirst();
            }
        }
    }
}
