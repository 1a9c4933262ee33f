package org.propertydesk.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.requests.RequestKind;
import org.propertydesk.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses, requests with exactly the moments a test names, callbacks and ratings, written straight into the
 * tables, for the export and report tests; each with unique codes and numbers (the tests share a database).
 */
@Component
public class ExportTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    ExportTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Site(long id, String code, String name) {
    }

    /** A request as saved: its id and number. */
    public record Saved(long id, String number) {
    }

    public Site site() {
        String code = "EX" + unique();
        String name = "导出测试苑" + code;
        long id = jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (?, ?, '导出路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).params(code, name).query(Long.class).single();
        return new Site(id, code, name);
    }

    /** A house in a new building of the site; its code is building-room, e.g. {@code B12-1502}. */
    public long house(long siteId) {
        String building = "B" + unique();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, now(), 'test', now(), 'test') returning id
                """).params(siteId, building, building).query(Long.class).single();
        return jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '1502', ?, 15, 89.50, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).params(siteId, buildingId, building + "-1502").query(Long.class).single();
    }

    public String houseCode(long houseId) {
        return jdbc.sql("select code from house where id = ?").params(houseId).query(String.class).single();
    }

    /** A request of the site received at this Shanghai time, to be described further and saved. */
    public RequestRow request(long siteId, RequestKind kind, String receivedShanghai) {
        return new RequestRow(siteId, kind, shanghai(receivedShanghai));
    }

    /** A callback of a request, due at this Shanghai time. */
    public long callback(Saved request, long siteId, String status, String dueShanghai, String closedShanghai,
            String closedBy, Boolean solved, String satisfaction, String comment) {
        return jdbc.sql("""
                insert into callback (request_id, round, site_id, status, due_at, closed_at, closed_by, closed_by_name,
                                      solved, satisfaction, comment, created_at, created_by, updated_at, updated_by)
                values (?, (select coalesce(max(round), 0) + 1 from callback where request_id = ?), ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, now(), 'test', now(), 'test') returning id
                """).params(request.id(), request.id(), siteId, status, timestamp(dueShanghai),
                timestamp(closedShanghai), closedBy == null ? null : "desk", closedBy, solved, satisfaction, comment)
                .query(Long.class).single();
    }

    /** The owner's rating of a request, given at this Shanghai time. */
    public void rating(Saved request, long siteId, int overall, String ratedShanghai) {
        jdbc.sql("""
                insert into request_rating (request_id, site_id, overall, channel, rated_at, recorded_by)
                values (?, ?, ?, 'LINK', ?, 'test')
                """).params(request.id(), siteId, overall, timestamp(ratedShanghai)).update();
    }

    public static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.SHANGHAI).toInstant();
    }

    private static Timestamp timestamp(String shanghai) {
        return shanghai == null ? null : Timestamp.from(shanghai(shanghai));
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /**
     * A request being described: by default new, by phone, of normal priority, acknowledge due in 30 minutes, arrival
     * (repairs) in 4 hours and resolution in 48 hours from receipt.
     */
    public final class RequestRow {

        private final long siteId;
        private final RequestKind kind;
        private final Instant received;
        private String category;
        private String channel = "PHONE";
        private String priority = "NORMAL";
        private String status = "NEW";
        private Long houseId;
        private Instant acknowledged;
        private Instant arrived;
        private Instant resolved;
        private String ownerName;

        private RequestRow(long siteId, RequestKind kind, Instant received) {
            this.siteId = siteId;
            this.kind = kind;
            this.received = received;
            this.category = switch (kind) {
                case REPAIR -> "PLUMBING";
                case COMPLAINT -> "NOISE";
                case INQUIRY -> "FEES";
            };
        }

        public RequestRow status(String status) {
            this.status = status;
            return this;
        }

        public RequestRow channel(String channel) {
            this.channel = channel;
            return this;
        }

        public RequestRow house(long houseId) {
            this.houseId = houseId;
            return this;
        }

        public RequestRow owner(String name) {
            this.ownerName = name;
            return this;
        }

        public RequestRow acknowledged(String shanghai) {
            this.acknowledged = shanghai(shanghai);
            return this;
        }

        public RequestRow arrived(String shanghai) {
            this.arrived = shanghai(shanghai);
            return this;
        }

        public RequestRow resolved(String shanghai) {
            this.resolved = shanghai(shanghai);
            return this;
        }

        public Saved save() {
            String number = "EX" + unique();
            Instant dueAcknowledge = received.plus(Duration.ofMinutes(30));
            Instant dueArrival = kind == RequestKind.REPAIR ? received.plus(Duration.ofHours(4)) : null;
            Instant dueResolve = received.plus(Duration.ofHours(48));
            long id = jdbc.sql("""
                    insert into service_request (number, kind, category_id, scope, priority, channel, status, site_id,
                        house_id, contact_phone, location_text, description, owner_name, received_at, clock_started_at,
                        acknowledged_at, arrived_at, resolved_at, closed_at,
                        due_acknowledge_at, due_arrival_at, due_resolve_at,
                        risk_acknowledge_at, risk_arrival_at, risk_resolve_at,
                        created_at, created_by, updated_at, updated_by)
                    values (:number, :kind, (select id from request_category where code = :category), 'PREMISES',
                        :priority, :channel, :status, :site, :house, '13800138000', '3号楼 1502', '导出测试工单',
                        :owner, :received, :received, :acknowledged, :arrived, :resolved, null,
                        :dueAcknowledge, :dueArrival, :dueResolve,
                        :riskAcknowledge, :riskArrival, :riskResolve,
                        :received, 'test', coalesce(cast(:resolved as timestamptz), :received), 'test')
                    returning id
                    """)
                    .param("number", number).param("kind", kind.name()).param("category", category)
                    .param("priority", priority).param("channel", channel).param("status", status)
                    .param("site", siteId).param("house", houseId).param("owner", ownerName)
                    .param("received", Timestamp.from(received)).param("acknowledged", timestamp(acknowledged))
                    .param("arrived", timestamp(arrived)).param("resolved", timestamp(resolved))
                    .param("dueAcknowledge", Timestamp.from(dueAcknowledge)).param("dueArrival", timestamp(dueArrival))
                    .param("dueResolve", Timestamp.from(dueResolve))
                    .param("riskAcknowledge", Timestamp.from(dueAcknowledge.minus(Duration.ofMinutes(10))))
                    .param("riskArrival", timestamp(dueArrival == null ? null : dueArrival.minus(Duration.ofMinutes(10))))
                    .param("riskResolve", Timestamp.from(dueResolve.minus(Duration.ofMinutes(10))))
                    .query(Long.class).single();
            return new Saved(id, number);
        }

        private static Timestamp timestamp(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }
    }
}
