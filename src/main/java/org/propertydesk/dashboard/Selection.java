package org.propertydesk.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a dashboard shows: these sites (already limited to those the reader may see, never empty) over this period,
 * read at {@code now} in the sites' zone.
 */
public record Selection(List<Long> siteIds, Period period, Instant now, ZoneId zone) {

    public Selection {
        siteIds = List.copyOf(siteIds);
        if (siteIds.isEmpty()) {
            throw new IllegalArgumentException("A dashboard needs at least one site");
        }
    }

    Long[] sites() {
        return siteIds.toArray(Long[]::new);
    }

    Instant asOf() {
        return period.asOf(now);
    }
}
