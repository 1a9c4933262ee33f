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
 * Slows down password guessing on the login form and the token endpoint: too many failures for one username, or from
 * one client address, within the window lock that username or address for the length of the window, counted from the
 * failure that reached the limit; meanwhile attempts are refused without checking the password. A success clears the
 * username's failures. In memory, per instance: a restart forgets, which is acceptable for a brake on guessing (the
 * passwords themselves are bcrypt hashes).
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
    private final Map<String, Instant> usernameLockedUntil = new ConcurrentHashMap<>();
    private final Map<String, Instant> addressLockedUntil = new ConcurrentHashMap<>();

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
        wait = max(wait, remaining(usernameLockedUntil.get(key(username)), now));
        wait = max(wait, remaining(address == null ? null : addressLockedUntil.get(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(byUsername, usernameLockedUntil, key(username), maxPerUsername, now);
        record(byAddress, addressLockedUntil, address, maxPerAddress, now);
    }

    public void succeeded(String username) {
        byUsername.remove(key(username));
        usernameLockedUntil.remove(key(username));
    }

    private static Duration remaining(Instant lockedUntil, Instant now) {
        if (lockedUntil == null || !lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, lockedUntil);
    }

    private void record(Map<String, Deque<Instant>> failuresByKey, Map<String, Instant> lockedUntil, String key, int max,
            Instant now) {
        if (key == null) {
            return;
        }
        if (failuresByKey.size() > PRUNE_ABOVE) {
            prune(failuresByKey, now);
            lockedUntil.values().removeIf(until -> !until.isAfter(now));
        }
        Deque<Instant> failures = failuresByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            expire(failures, now);
            failures.addLast(now);
            if (failures.size() >= max) {
                lockedUntil.put(key, now.plus(window));
                failures.clear();
            }
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
