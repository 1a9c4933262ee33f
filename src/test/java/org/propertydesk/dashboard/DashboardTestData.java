package org.propertydesk.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hand-built dashboard data with exact timestamps, written straight into the tables so that every figure has a known
 * answer: sites, buildings and houses, requests at any stage, callbacks, ratings, technicians with their work orders,
 * escalations and questionnaires. Times are read as in Shanghai: {@code "2026-03-02 09:00"}, or for a request's later
 * moments just {@code "09:10"} on the day it was received. Every site has a unique code (the database is shared), so
 * a selection of a test's sites sees only that test's data.
 */
@Component
final class DashboardTestData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    DashboardTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Site(long id, String code) {
    }

    record Building(long id, long siteId, String code) {
    }

    record House(long id, long siteId, long buildingId, String code) {
    }

    record Request(long id, String number, long siteId) {
    }

    record Technician(long staffId, String name) {
    }

    /** A moment as Shanghai reads it, {@code "2026-03-02 09:00"}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime, DATE_TIME).atZone(ZONE).toInstant();
    }

    static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    // Places

    Site site() {
        String code = "DK" + unique();
        long id = jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '看板路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "看板苑" + code).query(Long.class).single();
        return new Site(id, code);
    }

    Building building(Site site, String code) {
        long id = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :name, now(), 'test', now(), 'test') returning id
                """).param("site", site.id()).param("code", code).param("name", code + "栋").query(Long.class).single();
        return new Building(id, site.id(), code);
    }

    House house(Building building, String room) {
        String code = building.code() + "-" + room;
        long id = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, :room, :code, 1, 89.50, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", building.siteId()).param("building", building.id()).param("room", room)
                .param("code", code).query(Long.class).single();
        return new House(id, building.siteId(), building.id(), code);
    }

    /** A house in a building of its own. */
    House house(Site site) {
        return house(building(site, "B" + SEQUENCE.incrementAndGet()), "101");
    }

    // Requests

    RequestBuilder inquiry(Site site) {
        return new RequestBuilder(site, RequestKind.INQUIRY, "FEES");
    }

    RequestBuilder repair(Site site) {
        return new RequestBuilder(site, RequestKind.REPAIR, "PLUMBING");
    }

    RequestBuilder complaint(Site site) {
        return new RequestBuilder(site, RequestKind.COMPLAINT, "NOISE");
    }

    /**
     * A request as it stands now. Unless given, targets are 30 minutes to acknowledge, 2 hours to arrive (repairs)
     * and 3 days to resolve, and the status follows from the last moment reached.
     */
    final class RequestBuilder {

        private final Site site;
        private final RequestKind kind;
        private String category;
        private Channel channel = Channel.PHONE;
        private House house;
        private Instant received;
        private Instant acknowledged;
        private Instant arrived;
        private Instant resolved;
        private Instant closed;
        private Instant cancelled;
        private Instant held;
        private Instant dueAcknowledge;
        private Instant dueArrival;
        private Instant dueResolve;
        private String status;
        private boolean firstContactResolution;
        private int followUps;
        private int reopenCount;
        private Request repeatOf;
        private Instant promised;
        private Boolean promiseKept;
        private final Map<String, Instant> escalations = new LinkedHashMap<>();

        private RequestBuilder(Site site, RequestKind kind, String category) {
            this.site = site;
            this.kind = kind;
            this.category = category;
        }

        RequestBuilder category(String code) {
            category = code;
            return this;
        }

        RequestBuilder channel(Channel value) {
            channel = value;
            return this;
        }

        RequestBuilder house(House value) {
            house = value;
            return this;
        }

        RequestBuilder received(String localDateTime) {
            received = at(localDateTime);
            return this;
        }

        RequestBuilder acknowledged(String time) {
            acknowledged = time(time);
            return this;
        }

        RequestBuilder arrived(String time) {
            arrived = time(time);
            return this;
        }

        RequestBuilder resolved(String time) {
            resolved = time(time);
            return this;
        }

        RequestBuilder closed(String time) {
            closed = time(time);
            return this;
        }

        RequestBuilder cancelled(String time) {
            cancelled = time(time);
            return this;
        }

        /** On hold since then: the SLA clock stands still. */
        RequestBuilder onHold(String time) {
            held = time(time);
            status = "ON_HOLD";
            return this;
        }

        RequestBuilder dueAcknowledge(String time) {
            dueAcknowledge = time(time);
            return this;
        }

        RequestBuilder dueArrival(String time) {
            dueArrival = time(time);
            return this;
        }

        RequestBuilder dueResolve(String time) {
            dueResolve = time(time);
            return this;
        }

        /** Answered while the caller was on the line. */
        RequestBuilder resolvedAtIntake() {
            firstContactResolution = true;
            acknowledged = received;
            resolved = received;
            return this;
        }

        RequestBuilder followUps(int count) {
            followUps = count;
            return this;
        }

        /** Reopened this many times (after a resolution); reopened and not resolved again unless resolved is given. */
        RequestBuilder reopened(int times) {
            reopenCount = times;
            return this;
        }

        RequestBuilder repeatOf(Request earlier) {
            repeatOf = earlier;
            return this;
        }

        /** Promised a visit by then; kept or not once someone came (null: nobody has come yet). */
        RequestBuilder promised(String time, Boolean kept) {
            promised = time(time);
            promiseKept = kept;
            return this;
        }

        /** A breached target (ACKNOWLEDGE, ARRIVAL, RESOLVE) escalated then. */
        RequestBuilder escalated(String target, String time) {
            escalations.put(target, time(time));
            return this;
        }

        Request save() {
            Objects.requireNonNull(received, "received");
            String number = "DK" + unique();
            Instant dueAck = dueAcknowledge != null ? dueAcknowledge : received.plus(Duration.ofMinutes(30));
            Instant dueArr = dueArrival != null ? dueArrival
                    : kind == RequestKind.REPAIR ? received.plus(Duration.ofHours(2)) : null;
            Instant dueRes = dueResolve != null ? dueResolve : received.plus(Duration.ofDays(3));
            Instant updated = Stream.of(received, acknowledged, arrived, resolved, closed, cancelled, held)
                    .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
            long id = jdbc.sql("""
                    insert into service_request (number, kind, category_id, scope, priority, channel, status, site_id,
                        house_id, description, promised_at, promise_kept, owner_username, owner_name, received_at,
                        acknowledged_at, arrived_at, resolved_at, closed_at, cancelled_at, held_at, clock_started_at,
                        due_acknowledge_at, due_arrival_at, due_resolve_at, risk_acknowledge_at, risk_arrival_at,
                        risk_resolve_at, first_contact_resolution, follow_ups, reopen_count, repeat_of_id,
                        created_at, created_by, updated_at, updated_by)
                    values (:number, :kind, (select id from request_category where code = :category), :scope, 'NORMAL',
                        :channel, :status, :site, :house, '看板测试', :promised, :promiseKept, 'desk', '前台小王',
                        :received, :acknowledged, :arrived, :resolved, :closed, :cancelled, :held, :received,
                        :dueAck, :dueArr, :dueRes, :dueAck, :dueArr, :dueRes, :fcr, :followUps, :reopens, :repeatOf,
                        :received, 'test', :updated, 'test')
                    returning id
                    """)
                    .param("number", number).param("kind", kind.name()).param("category", category)
                    .param("scope", house == null ? "COMMON_AREA" : "PREMISES").param("channel", channel.name())
                    .param("status", status()).param("site", site.id()).param("house", house == null ? null : house.id())
                    .param("promised", ts(promised)).param("promiseKept", promiseKept)
                    .param("received", ts(received)).param("acknowledged", ts(acknowledged)).param("arrived", ts(arrived))
                    .param("resolved", ts(resolved)).param("closed", ts(closed)).param("cancelled", ts(cancelled))
                    .param("held", ts(held)).param("dueAck", ts(dueAck)).param("dueArr", ts(dueArr))
                    .param("dueRes", ts(dueRes)).param("fcr", firstContactResolution).param("followUps", followUps)
                    .param("reopens", reopenCount).param("repeatOf", repeatOf == null ? null : repeatOf.id())
                    .param("updated", ts(updated))
                    .query(Long.class).single();
            escalations.forEach((target, when) -> jdbc.sql(
                    "insert into sla_escalation (request_id, target, level, escalated_at, round) values (?, ?, 1, ?, 0)")
                    .params(id, target, Timestamp.from(when)).update());
            escalations.values().stream().min(Instant::compareTo).ifPresent(first -> jdbc
                    .sql("update service_request set escalated_at = ? where id = ?").params(Timestamp.from(first), id).update());
            return new Request(id, number, site.id());
        }

        private String status() {
            if (status != null) {
                return status;
            }
            if (cancelled != null) {
                return "CANCELLED";
            }
            if (closed != null) {
                return "CLOSED";
            }
            if (resolved != null) {
                return "RESOLVED";
            }
            if (reopenCount > 0) {
                return "REOPENED";
            }
            if (arrived != null) {
                return "IN_PROGRESS";
            }
            return acknowledged != null ? "ACKNOWLEDGED" : "NEW";
        }

        private Instant time(String value) {
            if (value.length() == 5) {
                Objects.requireNonNull(received, "received first");
                return LocalDate.ofInstant(received, ZONE).atTime(LocalTime.parse(value)).atZone(ZONE).toInstant();
            }
            return at(value);
        }
    }

    // Callbacks and ratings

    CallbackBuilder callback(Request request) {
        return new CallbackBuilder(request);
    }

    /** A callback round of a request: due until done (with what the owner said), unreachable or cancelled. */
    final class CallbackBuilder {

        private final Request request;
        private int round = 1;
        private Instant due;
        private String status = "DUE";
        private Instant closed;
        private String satisfaction;

        private CallbackBuilder(Request request) {
            this.request = request;
        }

        CallbackBuilder round(int value) {
            round = value;
            return this;
        }

        CallbackBuilder due(String localDateTime) {
            due = at(localDateTime);
            return this;
        }

        /** Reached the owner then; satisfaction is SATISFIED, NEUTRAL or UNSATISFIED. */
        CallbackBuilder done(String localDateTime, String said) {
            status = "DONE";
            closed = at(localDateTime);
            satisfaction = said;
            return this;
        }

        CallbackBuilder unreachable(String localDateTime) {
            status = "UNREACHABLE";
            closed = at(localDateTime);
            return this;
        }

        CallbackBuilder cancelled(String localDateTime) {
            status = "CANCELLED";
            closed = at(localDateTime);
            return this;
        }

        void save() {
            Objects.requireNonNull(due, "due");
            jdbc.sql("""
                    insert into callback (request_id, round, site_id, status, due_at, solved, satisfaction, closed_at,
                                          created_at, created_by, updated_at, updated_by)
                    values (:request, :round, :site, :status, :due, :solved, :satisfaction, :closed,
                            :created, 'test', :created, 'test')
                    """)
                    .param("request", request.id()).param("round", round).param("site", request.siteId())
                    .param("status", status).param("due", ts(due)).param("solved", "DONE".equals(status) ? true : null)
                    .param("satisfaction", satisfaction).param("closed", ts(closed))
                    .param("created", ts(due.minus(Duration.ofDays(1)))).update();
        }
    }

    void rating(Request request, int overall, String localDateTime) {
        jdbc.sql("""
                insert into request_rating (request_id, site_id, overall, channel, rated_at, recorded_by)
                values (?, ?, ?, 'PORTAL', ?, 'owner')
                """).params(request.id(), request.siteId(), overall, Timestamp.from(at(localDateTime))).update();
    }

    // Technicians and their work

    Technician technician(Site site, String name) {
        String displayName = name + SEQUENCE.incrementAndGet();
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, false, now(), 'test', now(), 'test') returning id
                """).params("tech-dk-" + unique(), displayName).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, 'TECHNICIAN')").params(id).update();
        jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site.id()).update();
        jdbc.sql("""
                insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                values (?, now(), 'test', now(), 'test')
                """).params(id).update();
        return new Technician(id, displayName);
    }

    JobBuilder job(Request request, Technician technician) {
        return new JobBuilder(request, technician);
    }

    /** A work order of a technician on a request: completed when given a completion, cancelled when cancelled. */
    final class JobBuilder {

        private final Request request;
        private final Technician technician;
        private Instant assigned;
        private Instant dueArrival;
        private Instant arrived;
        private Instant completed;
        private Instant cancelled;
        private int reopenCount;

        private JobBuilder(Request request, Technician technician) {
            this.request = request;
            this.technician = technician;
        }

        JobBuilder assigned(String localDateTime) {
            assigned = at(localDateTime);
            return this;
        }

        JobBuilder dueArrival(String localDateTime) {
            dueArrival = at(localDateTime);
            return this;
        }

        JobBuilder arrived(String localDateTime) {
            arrived = at(localDateTime);
            return this;
        }

        JobBuilder completed(String localDateTime) {
            completed = at(localDateTime);
            return this;
        }

        JobBuilder cancelled(String localDateTime) {
            cancelled = at(localDateTime);
            return this;
        }

        /** Sent back to the technician this many times when the request was reopened. */
        JobBuilder sentBack(int times) {
            reopenCount = times;
            return this;
        }

        void save() {
            Instant start = assigned != null ? assigned
                    : Stream.of(dueArrival, arrived, completed, cancelled).filter(Objects::nonNull).min(Instant::compareTo)
                            .orElseThrow().minus(Duration.ofHours(1));
            String status = cancelled != null ? "CANCELLED" : completed != null ? "COMPLETED" : arrived != null ? "ON_SITE" : "ASSIGNED";
            jdbc.sql("""
                    insert into work_order (number, request_id, site_id, technician_staff_id, status, due_arrival_at,
                        assigned_at, assigned_by, assigned_by_name, accepted_at, arrived_at, completed_at, cancelled_at,
                        reopen_count, created_at, created_by, updated_at, updated_by)
                    values (:number, :request, :site, :staff, :status, :due, :assigned, 'dispatcher', '派单员',
                        :assigned, :arrived, :completed, :cancelled, :reopens, :assigned, 'test', :assigned, 'test')
                    """)
                    .param("number", "WDK" + unique()).param("request", request.id()).param("site", request.siteId())
                    .param("staff", technician.staffId()).param("status", status).param("due", ts(dueArrival))
                    .param("assigned", ts(start)).param("arrived", ts(arrived)).param("completed", ts(completed))
                    .param("cancelled", ts(cancelled)).param("reopens", reopenCount).update();
        }
    }

    // Satisfaction surveys

    /** A closed questionnaire for the sites, opening on that day; returns its id. */
    long questionnaire(String opensOn, Site... sites) {
        LocalDate opens = day(opensOn);
        long id = jdbc.sql("""
                insert into questionnaire (title, opens_on, closes_on, status, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, 'CLOSED', now(), 'test', now(), 'test') returning id
                """).params("满意度调查 " + unique(), opens, opens.plusDays(30)).query(Long.class).single();
        for (Site site : sites) {
            jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)").params(id, site.id()).update();
        }
        return id;
    }

    /** A rating question of the questionnaire for a service line (REPAIRS, CLEANING…); returns its id. */
    long ratingQuestion(long questionnaireId, String serviceLine) {
        return jdbc.sql("""
                insert into survey_question (questionnaire_id, position, kind, text, service_line, required)
                values (?, (select count(*) from survey_question where questionnaire_id = ?), 'RATING', ?, ?, true)
                returning id
                """).params(questionnaireId, questionnaireId, "您对" + serviceLine + "满意吗？", serviceLine)
                .query(Long.class).single();
    }

    ResponseBuilder response(long questionnaireId, House house) {
        return new ResponseBuilder(questionnaireId, house);
    }

    /** A household's answers to a questionnaire: a rating of 1–5 per question. */
    final class ResponseBuilder {

        private final long questionnaireId;
        private final House house;
        private final Map<Long, Integer> ratings = new LinkedHashMap<>();

        private ResponseBuilder(long questionnaireId, House house) {
            this.questionnaireId = questionnaireId;
            this.house = house;
        }

        ResponseBuilder rate(long questionId, int rating) {
            ratings.put(questionId, rating);
            return this;
        }

        void save() {
            long response = jdbc.sql("""
                    insert into survey_response (questionnaire_id, site_id, house_id, channel, household_key,
                                                 submitted_at, created_at, created_by)
                    values (?, ?, ?, 'PAPER', ?, now(), now(), 'test') returning id
                    """).params(questionnaireId, house.siteId(), house.id(), Long.toString(house.id()))
                    .query(Long.class).single();
            ratings.forEach((question, rating) -> jdbc.sql(
                    "insert into survey_answer (response_id, question_id, rating) values (?, ?, ?)")
                    .params(response, question, rating).update());
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
