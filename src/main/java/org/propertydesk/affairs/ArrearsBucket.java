package org.propertydesk.affairs;

import java.util.Arrays;
import java.util.Optional;

/**
 * How long a bill has been overdue, in the bands finance reports use: up to 30 days, 31 to 90, 91 to 180, and over
 * 180. A bill is overdue from the day after its due date, so the first band counts 1 to 30 days.
 */
enum ArrearsBucket {
    UP_TO_30(1, 30), DAYS_31_90(31, 90), DAYS_91_180(91, 180), OVER_180(181, Integer.MAX_VALUE);

    private final int minDays;
    private final int maxDays;

    ArrearsBucket(int minDays, int maxDays) {
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    int minDays() {
        return minDays;
    }

    int maxDays() {
        return maxDays;
    }

    static Optional<ArrearsBucket> ofDays(long daysOverdue) {
        return Arrays.stream(values()).filter(b -> daysOverdue >= b.minDays && daysOverdue <= b.maxDays).findFirst();
    }

    static Optional<ArrearsBucket> parse(String name) {
        return Arrays.stream(values()).filter(b -> b.name().equals(name)).findFirst();
    }
}
