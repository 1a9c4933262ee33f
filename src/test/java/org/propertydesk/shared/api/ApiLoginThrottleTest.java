package org.propertydesk.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The brake on password guessing: five failures for a username, or twenty from an address, within fifteen minutes.
 */
class ApiLoginThrottleTest {

    static final class MovableClock extends Clock {

        Instant now = Instant.parse("2026-03-24T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    MovableClock clock = new MovableClock();
    ApiLoginThrottle throttle = new ApiLoginThrottle(new ApiProperties.Throttle(5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void fiveFailuresLockTheUsernameForFifteenMinutesFromTheFifth() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Wang.Li", "10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(throttle.blockedFor("wang.li", "10.0.0.2")).isEmpty();
        throttle.failed("wang.li ", "10.0.0.3");

        assertThat(throttle.blockedFor("WANG.LI", "10.0.0.4")).contains(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("zhao.min", "10.0.0.4")).isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(throttle.blockedFor("wang.li", "10.0.0.4")).as("the first failure left the window long ago")
                .contains(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.blockedFor("wang.li", "10.0.0.4")).isEmpty();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotLock() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("sun.yan", "10.0.0.1");
            clock.now = clock.now.plus(Duration.ofMinutes(4));
        }

        assertThat(throttle.blockedFor("sun.yan", "10.0.0.5")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + (i % 4), "10.0.0.9");
        }
        throttle.succeeded("user0");
        assertThat(throttle.blockedFor("user0", "10.0.0.10")).isEmpty();
        assertThat(throttle.blockedFor("someone", "10.0.0.9")).isPresent();

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("someone", "10.0.0.9")).isEmpty();
    }
}
