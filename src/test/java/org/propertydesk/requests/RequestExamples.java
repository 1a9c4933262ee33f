package org.propertydesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Small builders for plain unit tests of requests and their SLA plans, without Spring or a database.
 * Times are written as front desks in Shanghai say them: {@code at("2026-03-25T10:00")} (a Wednesday).
 */
final class RequestExamples {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Wednesday 25 March 2026, 10:00 in Shanghai: the moment most example requests are received. */
    static final Instant WEDNESDAY_10 = at("2026-03-25T10:00");

    static final ServiceRequest.Actor FRONT_DESK = new ServiceRequest.Actor("frontdesk", "前台小王");
    static final ServiceRequest.Actor TECHNICIAN = new ServiceRequest.Actor("tech", "师傅老李");

    private RequestExamples() {
    }

    static Instant at(String shanghaiLocalDateTime) {
        return LocalDateTime.parse(shanghaiLocalDateTime).atZone(SHANGHAI).toInstant();
    }

    static RequestCategory plumbing() {
        return new RequestCategory("PLUMBING", null, "水管/给排水", "Plumbing", Priority.NORMAL, "plumbing", true, 10);
    }

    static RequestCategory noise() {
        return new RequestCategory("NOISE", null, "噪音", "Noise", Priority.NORMAL, null, false, 90);
    }

    /**
     * A plan on the wall clock: acknowledge within 30 minutes, on site within 2 hours, resolved within 48 hours,
     * each at risk at 80 %.
     */
    static SlaPlan plan(Instant start) {
        return plan(start, Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(48));
    }

    static SlaPlan plan(Instant start, Duration acknowledge, Duration arrival, Duration resolve) {
        return new SlaPlan(start.plus(acknowledge), start.plus(eighty(acknowledge)),
                arrival == null ? null : start.plus(arrival), arrival == null ? null : start.plus(eighty(arrival)),
                start.plus(resolve), start.plus(eighty(resolve)));
    }

    private static Duration eighty(Duration duration) {
        return Duration.ofSeconds(duration.toSeconds() * 8 / 10);
    }

    static IntakeBuilder repair() {
        return new IntakeBuilder(RequestKind.REPAIR);
    }

    static IntakeBuilder inquiry() {
        return new IntakeBuilder(RequestKind.INQUIRY).category(noise());
    }

    static IntakeBuilder complaint() {
        return new IntakeBuilder(RequestKind.COMPLAINT).category(noise());
    }

    static List<String> timeline(ServiceRequest request) {
        return request.getEvents().stream().map(RequestEvent::getType).toList();
    }

    /** What the front desk captured, with sensible defaults: a plumbing repair in house 11 of site 1. */
    static final class IntakeBuilder {

        private RequestKind kind;
        private RequestCategory category = plumbing();
        private Priority priority = Priority.NORMAL;
        private String raisedReason;
        private Instant preferredFrom;
        private Instant preferredTo;
        private Instant promisedAt;
        private Long repeatOfId;
        private Instant receivedAt = WEDNESDAY_10;
        private SlaPlan plan;
        private String number = "R-260325-0001";

        private IntakeBuilder(RequestKind kind) {
            this.kind = kind;
        }

        IntakeBuilder category(RequestCategory category) {
            this.category = category;
            return this;
        }

        IntakeBuilder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        IntakeBuilder raisedFor(String careFlag) {
            this.raisedReason = careFlag;
            return this;
        }

        IntakeBuilder preferredWindow(Instant from, Instant to) {
            this.preferredFrom = from;
            this.preferredTo = to;
            return this;
        }

        IntakeBuilder promised(Instant promisedAt) {
            this.promisedAt = promisedAt;
            return this;
        }

        IntakeBuilder repeatOf(long requestId) {
            this.repeatOfId = requestId;
            return this;
        }

        IntakeBuilder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        IntakeBuilder plan(SlaPlan plan) {
            this.plan = plan;
            return this;
        }

        IntakeBuilder number(String number) {
            this.number = number;
            return this;
        }

        ServiceRequest.Intake intake() {
            return new ServiceRequest.Intake(kind, category, Scope.PREMISES, priority, raisedReason, Channel.PHONE, 1L,
                    11L, 21L, "13800000000", null, "厨房下水道堵了", preferredFrom, preferredTo, promisedAt, repeatOfId,
                    false);
        }

        ServiceRequest received() {
            return ServiceRequest.receive(number, intake(), plan != null ? plan : RequestExamples.plan(receivedAt),
                    FRONT_DESK, receivedAt);
        }
    }
}
