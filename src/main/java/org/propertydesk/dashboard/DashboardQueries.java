package org.propertydesk.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.surveys.SatisfactionTrend;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a {@link Dashboard} in SQL: one pass over the requests received in the period for every count, share and
 * time of that group, one per other group (backlog, callbacks, ratings), and small grouped queries for the volume,
 * hotspots and technicians. Every count is {@code count(*) filter (where <drill condition>)} over the drill's group,
 * which is what the list behind it selects.
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

    /** How many questionnaires the satisfaction trend goes back. */
    static final int QUESTIONNAIRES_IN_TREND = 6;

    static final int HOTSPOTS = 10;

    private static final List<Drill> RECEIVED = drillsOf(Drill.Group.RECEIVED);

    /** Every count of the received group and the times, per kind and for all kinds (kind null), in one pass. */
    private static final String RECEIVED_SQL = "select r.kind"
            + String.join("", RECEIVED.stream().map(d -> ", count(*) filter (where " + d.condition() + ")").toList())
            + minutes("r.acknowledged_at") + minutes("r.arrived_at") + minutes("r.resolved_at")
            + " from service_request r where " + Drill.Group.RECEIVED.where() + " group by grouping sets ((r.kind), ())";

    private static final String BY_CATEGORY_SQL = "select c.id, c.code, c.name_zh, c.name_en, count(*)"
            + " from service_request r"
            + " join request_category rc on rc.id = r.category_id"
            + " join request_category c on c.id = coalesce(rc.parent_id, rc.id)"
            + " where " + Drill.Group.RECEIVED.where()
            + " group by c.id, c.code, c.name_zh, c.name_en, c.sort_order"
            + " order by count(*) desc, c.sort_order";

    private static final String BY_CHANNEL_SQL = "select r.channel, count(*) from service_request r where "
            + Drill.Group.RECEIVED.where() + " group by r.channel";

    private static final String OVER_TIME_SQL = "select cast(date_trunc(:bucket, r.received_at at time zone :zone) as date),"
            + " r.kind, count(*) from service_request r where " + Drill.Group.RECEIVED.where() + " group by 1, 2";

    private static final String HOUSE_HOTSPOTS_SQL = "select h.id, h.code, count(*) from service_request r"
            + " join house h on h.id = r.house_id where " + Drill.REPEATS.where()
            + " group by h.id, h.code order by count(*) desc, h.code limit " + HOTSPOTS;

    private static final String BUILDING_HOTSPOTS_SQL = "select b.id, b.code, b.name, count(*) from service_request r"
            + " join house h on h.id = r.house_id join building b on b.id = h.building_id where " + Drill.REPEATS.where()
            + " group by b.id, b.code, b.name order by count(*) desc, b.code limit " + HOTSPOTS;

    private static final String HOUSEHOLDS_SQL = "select count(*) from house where site_id = any(:sites)";

    private static final String RATED_IN_PERIOD = " from request_rating rr where rr.site_id = any(:sites)"
            + " and rr.rated_at >= :from and rr.rated_at < :to";

    /**
     * The ratings group's counts ({@link Drill#RATED}, {@link Drill#RATED_LOW}) and averages, from the ratings alone:
     * a request has at most one rating, and a rating has its request's site (set once, from the request).
     */
    private static final String RATINGS_SQL = "select count(*), count(*) filter (where rr.overall <= 2),"
            + " round(avg(rr.overall), 2), round(avg((rr.overall - 1) * 25.0), 1)" + RATED_IN_PERIOD;

    private static final String RATING_TREND_SQL = "select cast(date_trunc(:bucket, rr.rated_at at time zone :zone) as date),"
            + " count(*), round(avg((rr.overall - 1) * 25.0), 1)" + RATED_IN_PERIOD + " group by 1";

    /**
     * Per technician with jobs completed in the period: each request counts once however many of the technician's
     * work orders it had, which is how the list behind each figure counts them. A work order and a rating have their
     * request's site (each is set once, from the request), so their own site selects the requests the lists select by
     * {@code r.site_id} without reading the requests.
     */
    private static final String TECHNICIANS_SQL = """
            with jobs as (
                select w.technician_staff_id as staff_id, w.request_id,
                       bool_or(w.due_arrival_at is not null and w.arrived_at is not null) as timed,
                       bool_or(w.arrived_at <= w.due_arrival_at) as on_time,
                       bool_or(w.arrived_at > w.due_arrival_at) as late,
                       bool_or(w.reopen_count > 0) as reopened
                from work_order w
                where w.site_id = any(:sites) and w.technician_staff_id is not null
                  and w.status = 'COMPLETED' and w.completed_at >= :from and w.completed_at < :to
                group by w.technician_staff_id, w.request_id
            )
            select j.staff_id, s.display_name, count(*),
                   count(*) filter (where j.on_time), count(*) filter (where j.on_time or j.late),
                   count(*) filter (where j.late), count(*) filter (where j.reopened),
                   round(avg(rr.overall), 2), count(rr.overall)
            from jobs j
            join staff s on s.id = j.staff_id
            left join request_rating rr on rr.request_id = j.request_id and rr.site_id = any(:sites)
            group by j.staff_id, s.display_name
            order by count(*) desc, s.display_name
            """;

    private final JdbcClient jdbc;
    private final SatisfactionTrend satisfaction;
    private final ExecutorService figures;

    DashboardQueries(JdbcClient jdbc, SatisfactionTrend satisfaction,
            @Value("${propertydesk.dashboard.query-threads:2}") int queryThreads) {
        this.jdbc = jdbc;
        this.satisfaction = satisfaction;
        AtomicInteger threads = new AtomicInteger();
        this.figures = Executors.newFixedThreadPool(Math.max(1, queryThreads), task -> {
            Thread thread = new Thread(task, "dashboard-query-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        figures.shutdownNow();
    }

    /**
     * Every figure for the selection. The queries are independent of each other, so the others run on a small pool
     * of their own (each on its own connection, outside any transaction: each statement reads its own snapshot
     * anyway) while this thread runs the main aggregate, the longest: a manager waits for the slowest query rather
     * than for the sum of them. The pool is shared by all dashboards, which bounds the connections they hold at once.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Dashboard dashboard(Selection selection) {
        CompletableFuture<Map<Drill, Long>> backlog = async(() -> counts(selection, Drill.Group.BACKLOG));
        CompletableFuture<Map<Drill, Long>> callbacks = async(() -> counts(selection, Drill.Group.CALLBACKS));
        CompletableFuture<List<SatisfactionTrend.Point>> trend = async(() ->
                satisfaction.latest(selection.siteIds(), selection.period().lastDay(), QUESTIONNAIRES_IN_TREND));
        CompletableFuture<List<Dashboard.TechnicianFigures>> technicians = async(() -> technicians(selection));
        CompletableFuture<List<Dashboard.Bucket>> overTime = async(() -> overTime(selection));
        CompletableFuture<List<Dashboard.Slice>> byCategory = async(() -> byCategory(selection));
        CompletableFuture<List<Dashboard.Slice>> byChannel = async(() -> byChannel(selection));
        CompletableFuture<List<Dashboard.Hotspot>> houseHotspots = async(() -> houseHotspots(selection));
        CompletableFuture<List<Dashboard.Hotspot>> buildingHotspots = async(() -> buildingHotspots(selection));
        CompletableFuture<Dashboard.Ratings> ratings = async(() -> ratings(selection));
        CompletableFuture<Long> households = async(() -> households(selection));
        Map<RequestKind, Received> byKind = received(selection);
        return dashboard(selection, byKind, join(backlog), join(callbacks), join(trend), join(technicians),
                volume(byKind, join(byCategory), join(byChannel), selection, join(overTime)),
                join(houseHotspots), join(buildingHotspots), join(ratings), join(households));
    }

    private <T> CompletableFuture<T> async(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, figures);
    }

    /** The query's result, or the exception it failed with, as if it had run on this thread. */
    private static <T> T join(CompletableFuture<T> query) {
        try {
            return query.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    private static Dashboard dashboard(Selection selection, Map<RequestKind, Received> byKind, Map<Drill, Long> backlog,
            Map<Drill, Long> callbacks, List<SatisfactionTrend.Point> trend, List<Dashboard.TechnicianFigures> technicians,
            Dashboard.Volume volume, List<Dashboard.Hotspot> houseHotspots, List<Dashboard.Hotspot> buildingHotspots,
            Dashboard.Ratings ratings, long households) {
        Received all = byKind.get(null);
        List<Dashboard.Timing> responses = new ArrayList<>();
        List<Dashboard.Timing> resolutions = new ArrayList<>();
        responses.add(all.response(null));
        resolutions.add(all.resolution(null));
        for (RequestKind kind : RequestKind.values()) {
            responses.add(byKind.get(kind).response(kind));
            resolutions.add(byKind.get(kind).resolution(kind));
        }
        Received repairs = byKind.get(RequestKind.REPAIR);
        Dashboard.Timing arrival = new Dashboard.Timing(RequestKind.REPAIR, repairs.arrival.measured(), repairs.arrival.mean(),
                repairs.arrival.median(), repairs.arrival.p90(), all.rate(Drill.ARRIVAL_ON_TIME, Drill.ARRIVAL_MEASURED));
        return new Dashboard(selection,
                volume,
                responses,
                arrival,
                resolutions,
                List.of(all.stage("ACKNOWLEDGE", Drill.ACKNOWLEDGE_ON_TIME, Drill.ACKNOWLEDGE_BREACHED),
                        all.stage("ARRIVAL", Drill.ARRIVAL_ON_TIME, Drill.ARRIVAL_BREACHED),
                        all.stage("RESOLVE", Drill.RESOLVE_ON_TIME, Drill.RESOLVE_BREACHED)),
                all.count(Drill.BREACHED),
                new Dashboard.Backlog(count(backlog, Drill.BACKLOG), count(backlog, Drill.BACKLOG_UNDER_1_DAY),
                        count(backlog, Drill.BACKLOG_1_TO_3_DAYS), count(backlog, Drill.BACKLOG_3_TO_7_DAYS),
                        count(backlog, Drill.BACKLOG_OVER_7_DAYS)),
                all.rate(Drill.FIRST_CONTACT_RESOLVED, Drill.INQUIRIES),
                all.rate(Drill.FOLLOWED_UP, Drill.NOT_CANCELLED),
                all.rate(Drill.REOPENED, Drill.REACHED_RESOLUTION),
                all.rate(Drill.REPEATS, Drill.HOUSE_REPAIRS),
                houseHotspots,
                buildingHotspots,
                all.rate(Drill.PROMISE_KEPT, Drill.PROMISED),
                new Dashboard.Complaints(all.count(Drill.COMPLAINTS), households),
                all.rate(Drill.ESCALATED, Drill.RECEIVED),
                new Dashboard.Callbacks(count(callbacks, Drill.CALLBACKS_DUE),
                        rate(callbacks, Drill.CALLBACKS_ON_TIME, Drill.CALLBACKS_DUE),
                        count(callbacks, Drill.CALLBACKS_LATE),
                        rate(callbacks, Drill.CALLBACKS_UNREACHABLE, Drill.CALLBACKS_FINISHED),
                        rate(callbacks, Drill.CALLBACKS_SATISFIED, Drill.CALLBACKS_ANSWERED),
                        count(callbacks, Drill.CALLBACKS_UNSATISFIED)),
                ratings,
                trend.stream()
                        .map(p -> new Dashboard.IndexPoint(p.questionnaireId(), p.title(), p.opensOn(), p.line(), p.index(), p.ratings()))
                        .toList(),
                SatisfactionTrend.national(),
                technicians);
    }

    /**
     * The SQL of every figure, with the named parameters {@code :sites}, {@code :from}, {@code :to}, {@code :now},
     * {@code :asOf}, {@code :bucket} and {@code :zone}: what the benchmark runs directly over JDBC as the database's
     * floor under the page. The satisfaction trend is the surveys module's and not among them.
     */
    public static List<String> figuresSql() {
        return List.of(RECEIVED_SQL, countsSql(Drill.Group.BACKLOG), countsSql(Drill.Group.CALLBACKS), BY_CATEGORY_SQL,
                BY_CHANNEL_SQL, OVER_TIME_SQL, HOUSE_HOTSPOTS_SQL, BUILDING_HOTSPOTS_SQL, HOUSEHOLDS_SQL,
                RATINGS_SQL, RATING_TREND_SQL, TECHNICIANS_SQL);
    }

    /** The dashboard's main aggregate, the one pass over the requests received in the period. */
    public static String receivedSql() {
        return RECEIVED_SQL;
    }

    private static String countsSql(Drill.Group group) {
        List<Drill> drills = drillsOf(group);
        return group == Drill.Group.CALLBACKS ? Drill.countsFromCallbacks(drills) : "select "
                + String.join(", ", drills.stream().map(d -> "count(*) filter (where " + d.condition() + ")").toList())
                + " from service_request r where " + group.where();
    }

    /** The counts of every drill of a group (other than the technicians'), in one pass. */
    Map<Drill, Long> counts(Selection selection, Drill.Group group) {
        List<Drill> drills = drillsOf(group);
        return bind(jdbc.sql(countsSql(group)), selection, DrillFilter.NONE)
                .query((rs, n) -> {
                    Map<Drill, Long> counts = new EnumMap<>(Drill.class);
                    for (int i = 0; i < drills.size(); i++) {
                        counts.put(drills.get(i), rs.getLong(i + 1));
                    }
                    return counts;
                }).single();
    }

    /** Minutes from receipt to a moment: mean, median and 90th percentile over the requests that reached it. */
    record Minutes(long measured, BigDecimal mean, BigDecimal median, BigDecimal p90) {
    }

    /** The received group's figures for one kind or all (kind null). */
    record Received(Map<Drill, Long> counts, DrillFilter filter, Minutes acknowledge, Minutes arrival, Minutes resolve) {

        Dashboard.Count count(Drill drill) {
            return new Dashboard.Count(counts.getOrDefault(drill, 0L), drill, filter);
        }

        Dashboard.Rate rate(Drill count, Drill of) {
            return new Dashboard.Rate(count(count), count(of));
        }

        Dashboard.Stage stage(String target, Drill onTime, Drill breached) {
            return new Dashboard.Stage(target, count(onTime), count(breached));
        }

        Dashboard.Timing response(RequestKind kind) {
            return new Dashboard.Timing(kind, acknowledge.measured(), acknowledge.mean(), acknowledge.median(),
                    acknowledge.p90(), rate(Drill.ACKNOWLEDGE_ON_TIME, Drill.ACKNOWLEDGE_MEASURED));
        }

        Dashboard.Timing resolution(RequestKind kind) {
            return new Dashboard.Timing(kind, resolve.measured(), resolve.mean(), resolve.median(), resolve.p90(),
                    rate(Drill.RESOLVE_ON_TIME, Drill.RESOLVE_MEASURED));
        }
    }

    /** Every count of the received group and the times, per kind and for all kinds (key null), in one pass. */
    Map<RequestKind, Received> received(Selection selection) {
        Map<RequestKind, Received> result = new HashMap<>();
        bind(jdbc.sql(RECEIVED_SQL), selection, DrillFilter.NONE).query((ResultSet rs) -> {
            String kind = rs.getString(1);
            RequestKind key = kind == null ? null : RequestKind.valueOf(kind);
            Map<Drill, Long> counts = new EnumMap<>(Drill.class);
            int column = 2;
            for (Drill drill : RECEIVED) {
                counts.put(drill, rs.getLong(column++));
            }
            Minutes acknowledge = minutes(rs, column);
            Minutes arrival = minutes(rs, column + 3);
            Minutes resolve = minutes(rs, column + 6);
            result.put(key, new Received(counts, key == null ? DrillFilter.NONE : DrillFilter.kind(key), acknowledge, arrival, resolve));
        });
        Minutes none = new Minutes(0, null, null, null);
        result.putIfAbsent(null, new Received(new EnumMap<>(Drill.class), DrillFilter.NONE, none, none, none));
        for (RequestKind kind : RequestKind.values()) {
            result.putIfAbsent(kind, new Received(new EnumMap<>(Drill.class), DrillFilter.kind(kind), none, none, none));
        }
        return result;
    }

    /** The median and the 90th percentile from one sort of the values: each ordered-set aggregate sorts its own. */
    private static String minutes(String column) {
        String value = "extract(epoch from (" + column + " - r.received_at)) / 60.0";
        String when = " filter (where " + column + " is not null)";
        return ", count(*)" + when
                + ", avg(" + value + ")" + when
                + ", percentile_cont(array[0.5, 0.9]) within group (order by " + value + ")" + when;
    }

    private static Minutes minutes(ResultSet rs, int column) throws SQLException {
        Array percentiles = rs.getArray(column + 2);
        Double[] medianAndP90 = percentiles == null ? new Double[2] : (Double[]) percentiles.getArray();
        return new Minutes(rs.getLong(column), oneDecimal(rs.getBigDecimal(column + 1)),
                oneDecimal(medianAndP90[0]), oneDecimal(medianAndP90[1]));
    }

    private static BigDecimal oneDecimal(Double value) {
        return value == null ? null : oneDecimal(BigDecimal.valueOf(value));
    }

    private static BigDecimal oneDecimal(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    private static Dashboard.Volume volume(Map<RequestKind, Received> received, List<Dashboard.Slice> byCategory,
            List<Dashboard.Slice> byChannel, Selection selection, List<Dashboard.Bucket> overTime) {
        List<Dashboard.Slice> byKind = Arrays.stream(RequestKind.values())
                .map(kind -> new Dashboard.Slice(kind.name(), null, null, null, received.get(kind).count(Drill.RECEIVED)))
                .toList();
        return new Dashboard.Volume(received.get(null).count(Drill.RECEIVED), byKind, byCategory, byChannel,
                selection.period().bucket(), overTime);
    }

    private List<Dashboard.Slice> byCategory(Selection selection) {
        return bind(jdbc.sql(BY_CATEGORY_SQL), selection, DrillFilter.NONE)
                .query((rs, n) -> new Dashboard.Slice(rs.getString(2), rs.getLong(1), rs.getString(3), rs.getString(4),
                        new Dashboard.Count(rs.getLong(5), Drill.RECEIVED,
                                new DrillFilter(null, rs.getLong(1), null, null, null, null))))
                .list();
    }

    private List<Dashboard.Slice> byChannel(Selection selection) {
        Map<String, Long> channels = new HashMap<>();
        bind(jdbc.sql(BY_CHANNEL_SQL), selection, DrillFilter.NONE)
                .query((ResultSet rs) -> {
                    channels.put(rs.getString(1), rs.getLong(2));
                });
        return Arrays.stream(Channel.values())
                .map(channel -> new Dashboard.Slice(channel.name(), null, null, null,
                        new Dashboard.Count(channels.getOrDefault(channel.name(), 0L), Drill.RECEIVED,
                                new DrillFilter(null, null, channel, null, null, null))))
                .toList();
    }

    /** Requests received per bucket of the period and kind, every bucket present. */
    private List<Dashboard.Bucket> overTime(Selection selection) {
        String bucket = selection.period().bucket();
        Map<LocalDate, long[]> counts = new HashMap<>();
        bind(jdbc.sql(OVER_TIME_SQL), selection, DrillFilter.NONE)
                .param("bucket", bucket).param("zone", selection.zone().getId())
                .query((ResultSet rs) -> {
                    long[] row = counts.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new long[3]);
                    row[RequestKind.valueOf(rs.getString(2)).ordinal()] = rs.getLong(3);
                });
        List<Dashboard.Bucket> buckets = new ArrayList<>();
        for (LocalDate start = bucketStart(selection.period().firstDay(), bucket); !start.isAfter(selection.period().lastDay());
                start = next(start, bucket)) {
            long[] row = counts.getOrDefault(start, new long[3]);
            buckets.add(new Dashboard.Bucket(start, row[RequestKind.INQUIRY.ordinal()], row[RequestKind.REPAIR.ordinal()],
                    row[RequestKind.COMPLAINT.ordinal()]));
        }
        return buckets;
    }

    static LocalDate bucketStart(LocalDate day, String bucket) {
        return switch (bucket) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private static LocalDate next(LocalDate start, String bucket) {
        return switch (bucket) {
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
    }

    private List<Dashboard.Hotspot> houseHotspots(Selection selection) {
        return bind(jdbc.sql(HOUSE_HOTSPOTS_SQL), selection, DrillFilter.NONE)
                .query((rs, n) -> new Dashboard.Hotspot(rs.getLong(1), rs.getString(2), null,
                        new Dashboard.Count(rs.getLong(3), Drill.REPEATS, new DrillFilter(null, null, null, rs.getLong(1), null, null))))
                .list();
    }

    private List<Dashboard.Hotspot> buildingHotspots(Selection selection) {
        return bind(jdbc.sql(BUILDING_HOTSPOTS_SQL), selection, DrillFilter.NONE)
                .query((rs, n) -> new Dashboard.Hotspot(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new Dashboard.Count(rs.getLong(4), Drill.REPEATS, new DrillFilter(null, null, null, null, rs.getLong(1), null))))
                .list();
    }

    private long households(Selection selection) {
        return jdbc.sql(HOUSEHOLDS_SQL).param("sites", selection.sites())
                .query(Long.class).single();
    }

    private Dashboard.Ratings ratings(Selection selection) {
        Map<Drill, Long> counts = new EnumMap<>(Drill.class);
        BigDecimal[] averages = bind(jdbc.sql(RATINGS_SQL), selection, DrillFilter.NONE)
                .query((rs, n) -> {
                    counts.put(Drill.RATED, rs.getLong(1));
                    counts.put(Drill.RATED_LOW, rs.getLong(2));
                    return new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)};
                }).single();
        String bucket = selection.period().bucket();
        Map<LocalDate, Dashboard.RatingPoint> points = new HashMap<>();
        bind(jdbc.sql(RATING_TREND_SQL), selection, DrillFilter.NONE)
                .param("bucket", bucket).param("zone", selection.zone().getId())
                .query((ResultSet rs) -> {
                    LocalDate start = rs.getObject(1, LocalDate.class);
                    points.put(start, new Dashboard.RatingPoint(start, rs.getLong(2), rs.getBigDecimal(3)));
                });
        List<Dashboard.RatingPoint> trend = new ArrayList<>();
        for (LocalDate start = bucketStart(selection.period().firstDay(), bucket); !start.isAfter(selection.period().lastDay());
                start = next(start, bucket)) {
            trend.add(points.getOrDefault(start, new Dashboard.RatingPoint(start, 0, null)));
        }
        return new Dashboard.Ratings(count(counts, Drill.RATED), averages[0], averages[1], count(counts, Drill.RATED_LOW), trend);
    }

    /** Per technician with jobs completed in the period. */
    List<Dashboard.TechnicianFigures> technicians(Selection selection) {
        return bind(jdbc.sql(TECHNICIANS_SQL), selection, DrillFilter.NONE)
                .query((rs, n) -> {
                    long staffId = rs.getLong(1);
                    DrillFilter filter = DrillFilter.technician(staffId);
                    Dashboard.Count jobs = new Dashboard.Count(rs.getLong(3), Drill.TECHNICIAN_JOBS, filter);
                    Dashboard.Count onTime = new Dashboard.Count(rs.getLong(4), Drill.TECHNICIAN_ARRIVED_ON_TIME, filter);
                    Dashboard.Count late = new Dashboard.Count(rs.getLong(6), Drill.TECHNICIAN_ARRIVED_LATE, filter);
                    Dashboard.Count timed = new Dashboard.Count(rs.getLong(5), Drill.TECHNICIAN_ARRIVAL_TIMED, filter);
                    Dashboard.Count reopened = new Dashboard.Count(rs.getLong(7), Drill.TECHNICIAN_REOPENED, filter);
                    return new Dashboard.TechnicianFigures(staffId, rs.getString(2), jobs, new Dashboard.Rate(onTime, timed),
                            late, rs.getBigDecimal(8), rs.getLong(9), new Dashboard.Rate(reopened, jobs));
                })
                .list();
    }

    private static Dashboard.Count count(Map<Drill, Long> counts, Drill drill) {
        return Dashboard.Count.of(counts.getOrDefault(drill, 0L), drill);
    }

    private static Dashboard.Rate rate(Map<Drill, Long> counts, Drill count, Drill of) {
        return new Dashboard.Rate(count(counts, count), count(counts, of));
    }

    /** Binds the selection's and the filter's parameters; unused names are harmless. */
    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Selection selection, DrillFilter filter) {
        return filter.bind(spec.param("sites", selection.sites())
                .param("from", Timestamp.from(selection.period().from()))
                .param("to", Timestamp.from(selection.period().to()))
                .param("now", Timestamp.from(selection.now()))
                .param("asOf", Timestamp.from(selection.asOf())));
    }

    private static List<Drill> drillsOf(Drill.Group group) {
        return Arrays.stream(Drill.values()).filter(d -> d.group() == group).toList();
    }
}
