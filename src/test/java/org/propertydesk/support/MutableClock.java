package org.propertydesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test sets and moves forward by hand, so that "at risk at 10:12, breached after 10:15" can be checked
 * at exactly those minutes. Copies made with {@link #withZone} share the same time.
 */
public final class MutableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Sets the time as a front desk in Shanghai reads it, e.g. {@code "2026-03-25T10:00"}. */
    public Instant set(String shanghaiLocalDateTime) {
        return set(LocalDateTime.parse(shanghaiLocalDateTime).atZone(SHANGHAI).toInstant());
    }

    public Instant set(Instant instant) {
        now.set(instant);
        return instant;
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }

    public Instant advanceMinutes(long minutes) {
        return advance(Duration.ofMinutes(minutes));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }
}
