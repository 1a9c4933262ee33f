package org.propertydesk.shared.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on the token endpoint, as a login form would: after too many failures for one username,
 * or from one client address, within a sliding window, further attempts are refused without checking the password
 * until the oldest failure leaves the window. A success clears the username's failures. In memory, per instance: a
 * restart forgets, which is acceptable for a brake on guessing (the passwords themselves are bcrypt hashes).
 */
public class ApiLoginThrottle {

    /** Beyond this many tracked keys, keys whose failures have all expired are dropped. */
    static final int PRUNE_ABOVE = 10_000;

    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    ApiLoginThrottle(ApiProperties.Throttle settings, Clock clock) {
        this.maxPerUsername = settings.maxFailuresPerUsername();
        this.maxPerAddress = settings.maxFailuresPerAddress();
        this.window = settings.window();
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when an attempt may be made now. */
    public Optional<Duration> blockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = max(wait, waitFor(byUsername.get(key(username)), maxPerUsername, now));
        wait = max(wait, waitFor(byAddress.get(address), maxPerAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(byUsername, key(username), now);
        record(byAddress, address, now);
    }

    public void succeeded(String username) {
        byUsername.remove(key(username));
    }

    private Duration waitFor(Deque<Instant> failures, int max, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        synchronized (failures) {
            expire(failures, now);
            if (failures.size() < max) {
                return Duration.ZERO;
            }
            // Blocked until enough failures have left the window to allow one more attempt.
            Instant freeAt = failures.stream().skip(failures.size() - max).findFirst().orElseThrow().plus(window);
            Duration wait = Duration.between(now, freeAt);
            return wait.isNegative() || wait.isZero() ? Duration.ZERO : wait;
        }
    }

    private void record(Map<String, Deque<Instant>> failuresByKey, String key, Instant now) {
        if (failuresByKey.size() > PRUNE_ABOVE) {
            prune(failuresByKey, now);
        }
        Deque<Instant> failures = failuresByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            expire(failures, now);
            failures.addLast(now);
        }
    }

    private void prune(Map<String, Deque<Instant>> failuresByKey, Instant now) {
        failuresByKey.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                expire(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private void expire(Deque<Instant> failures, Instant now) {
        Instant oldestCounted = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldestCounted)) {
            failures.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
