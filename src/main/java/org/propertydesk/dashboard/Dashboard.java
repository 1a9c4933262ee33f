package org.propertydesk.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.propertydesk.requests.RequestKind;

/**
 * Every KPI of a dashboard for a {@link Selection}. Counts carry the {@link Drill} (and {@link DrillFilter}) that
 * lists the requests behind them; times are in minutes from receipt. {@code responses} and {@code resolutions} hold
 * all kinds first, then one entry per kind; the response's on-time share is against the acknowledge target, the
 * resolution's against the resolve target.
 */
public record Dashboard(
        Selection selection,
        Volume volume,
        List<Timing> responses,
        Timing arrival,
        List<Timing> resolutions,
        List<Stage> stages,
        Count breaches,
        Backlog backlog,
        Rate firstContactResolution,
        Rate followUps,
        Rate reopened,
        Rate repeats,
        List<Hotspot> houseHotspots,
        List<Hotspot> buildingHotspots,
        Rate promisesKept,
        Complaints complaints,
        Rate escalations,
        Callbacks callbacks,
        Ratings ratings,
        List<IndexPoint> satisfaction,
        BigDecimal nationalIndex,
        List<TechnicianFigures> technicians) {

    /** A number of requests and the list behind it. */
    public record Count(long value, Drill drill, DrillFilter filter) {

        static Count of(long value, Drill drill) {
            return new Count(value, drill, DrillFilter.NONE);
        }
    }

    /** A share: {@code count} of {@code of}, as a percentage with one decimal, or null when there is nothing to share. */
    public record Rate(Count count, Count of) {

        public BigDecimal percent() {
            return percent(count.value(), of.value());
        }

        static BigDecimal percent(long part, long whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    /** One bar or slice of the volume: a kind, category or channel, with its name in both languages where it has one. */
    public record Slice(String code, Long id, String nameZh, String nameEn, Count count) {
    }

    /** Requests received in a bucket of the period (a day, a week from Monday, or a month from its first). */
    public record Bucket(LocalDate start, long inquiries, long repairs, long complaints) {

        public long total() {
            return inquiries + repairs + complaints;
        }
    }

    public record Volume(Count received, List<Slice> byKind, List<Slice> byCategory, List<Slice> byChannel,
            String bucket, List<Bucket> overTime) {
    }

    /**
     * How long requests of a kind (null: all kinds) took to get somewhere, in minutes: mean, median and 90th
     * percentile over those that got there, and for response the share acknowledged within the target.
     */
    public record Timing(RequestKind kind, long measured, BigDecimal mean, BigDecimal median, BigDecimal p90, Rate onTime) {
    }

    /** One SLA stage: acknowledge, arrival (repairs) or resolve, on time against breached. */
    public record Stage(String target, Count onTime, Count breached) {

        public BigDecimal onTimePercent() {
            return Rate.percent(onTime.value(), onTime.value() + breached.value());
        }
    }

    /** Requests open at the end of the period by age. */
    public record Backlog(Count total, Count underOneDay, Count oneToThreeDays, Count threeToSevenDays, Count overSevenDays) {
    }

    /** A house or building with repeat repairs; {@code name} is the building's name where it has one. */
    public record Hotspot(long id, String code, String name, Count repeats) {
    }

    public record Complaints(Count count, long households) {

        /** Complaints per 100 households, two decimals, or null for sites without houses. */
        public BigDecimal per100Households() {
            return households == 0 ? null
                    : BigDecimal.valueOf(count.value() * 100L).divide(BigDecimal.valueOf(households), 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * Callbacks due in the period: done on time, late or overdue, unreachable among the finished ones, and what the
     * owners said among those who answered.
     */
    public record Callbacks(Count due, Rate onTime, Count late, Rate unreachable, Rate satisfied, Count unsatisfied) {
    }

    /** Owners' ratings given in the period: how many, the mean stars, the same as a 0–100 index, and the trend. */
    public record Ratings(Count rated, BigDecimal averageStars, BigDecimal index, Count low, List<RatingPoint> trend) {
    }

    public record RatingPoint(LocalDate start, long ratings, BigDecimal index) {
    }

    /**
     * The satisfaction index of one questionnaire for a service line (null line: all its rating answers) over the
     * selected sites.
     */
    public record IndexPoint(long questionnaireId, String title, LocalDate opensOn, String line, BigDecimal index, long ratings) {
    }

    /**
     * A technician's jobs completed in the period: requests worked on, arrivals on time among those with an arrival
     * target, the owners' mean rating of those requests, and the requests whose job was sent back on reopening.
     */
    public record TechnicianFigures(long staffId, String name, Count jobs, Rate arrivedOnTime, Count late,
            BigDecimal averageStars, long ratings, Rate reopened) {
    }
}
