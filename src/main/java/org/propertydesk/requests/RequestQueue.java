package org.propertydesk.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front desk's queues, all sorted by the next due time. A request's "next" target is the first one still to be
 * met: acknowledge, then (repairs) arrival, then resolution; it is at risk once its risk moment has passed and
 * breached once its due time has.
 */
@Service
@Transactional(readOnly = true)
class RequestQueue {

    enum Queue {
        NEW, AT_RISK, BREACHED, ON_HOLD, MINE, OPEN, CLOSED
    }

    record Filter(Queue queue, Long siteId, RequestKind kind) {
    }

    private static final String NEXT_DUE = """
            (case when r.acknowledged_at is null then r.due_acknowledge_at
                  when r.kind = 'REPAIR' and r.arrived_at is null and r.due_arrival_at is not null then r.due_arrival_at
                  else r.due_resolve_at end)""";
    private static final String NEXT_RISK = """
            (case when r.acknowledged_at is null then r.risk_acknowledge_at
                  when r.kind = 'REPAIR' and r.arrived_at is null and r.due_arrival_at is not null then r.risk_arrival_at
                  else r.risk_resolve_at end)""";
    private static final String WORKING = "r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED')";
    /**
     * Not resolved, closed or cancelled, spelled as the statuses it includes: the partial index of open requests by site
     * serves that, while "not in" the others read every request the sites ever had (a second instead of milliseconds
     * for two sites with a year of requests).
     */
    private static final String OPEN_STATUS = "r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'REOPENED')";

    private final JdbcClient jdbc;
    private final ServiceRequestRepository requests;

    RequestQueue(JdbcClient jdbc, ServiceRequestRepository requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    Page<ServiceRequest> list(Filter filter, SiteScope scope, String username, Instant now, Pageable pageable) {
        String where = where(filter.queue());
        String common = """
                from service_request r
                where (:allSites or r.site_id = any(:siteIds))
                  and (cast(:siteId as bigint) is null or r.site_id = :siteId)
                  and (cast(:kind as varchar) is null or r.kind = :kind)
                  and (""" + where + ")";
        String order = filter.queue() == Queue.CLOSED ? "r.updated_at desc" : NEXT_DUE + " asc, r.id";
        var ids = bind(jdbc.sql("select r.id " + common + " order by " + order + " limit :limit offset :offset"),
                filter, scope, username, now)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(Long.class).list();
        long total = bind(jdbc.sql("select count(*) " + common), filter, scope, username, now).query(Long.class).single();
        Map<Long, ServiceRequest> byId = new HashMap<>();
        requests.findWithCategoryByIdIn(ids).forEach(r -> byId.put(r.getId(), r));
        return new PageImpl<>(ids.stream().map(byId::get).toList(), pageable, total);
    }

    /** What the dispatcher board shows: work waiting for a technician or in hand. */
    record BoardFilter(Long siteId, Long categoryId, Priority priority, boolean unassignedOnly) {
    }

    /**
     * Open repairs, and any request with work orders: not yet assigned first, then those at risk or breached, then by
     * the next due time.
     */
    Page<ServiceRequest> board(BoardFilter filter, SiteScope scope, Instant now, Pageable pageable) {
        String common = """
                from service_request r
                join request_category c on c.id = r.category_id
                where r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED', 'ON_HOLD')
                  and (r.kind = 'REPAIR' or r.work_orders > 0)
                  and (:allSites or r.site_id = any(:siteIds))
                  and (cast(:siteId as bigint) is null or r.site_id = :siteId)
                  and (cast(:categoryId as bigint) is null or c.id = :categoryId or c.parent_id = :categoryId)
                  and (cast(:priority as varchar) is null or r.priority = :priority)
                  and (not :unassignedOnly or coalesce(r.work_state, 'WAITING') not in ('ASSIGNED', 'ON_SITE', 'PAUSED'))
                """;
        String order = """
                (case when coalesce(r.work_state, 'WAITING') in ('ASSIGNED', 'ON_SITE', 'PAUSED') then 1 else 0 end),
                (case when r.status <> 'ON_HOLD' and %2$s <= :now then 0 else 1 end),
                %1$s, r.id""".formatted(NEXT_DUE, NEXT_RISK);
        var ids = bindBoard(jdbc.sql("select r.id " + common + " order by " + order + " limit :limit offset :offset"),
                filter, scope, now)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(Long.class).list();
        long total = bindBoard(jdbc.sql("select count(*) " + common), filter, scope, now).query(Long.class).single();
        Map<Long, ServiceRequest> byId = new HashMap<>();
        requests.findWithCategoryByIdIn(ids).forEach(r -> byId.put(r.getId(), r));
        return new PageImpl<>(ids.stream().map(byId::get).toList(), pageable, total);
    }

    private static JdbcClient.StatementSpec bindBoard(JdbcClient.StatementSpec spec, BoardFilter filter, SiteScope scope,
            Instant now) {
        return spec.param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("siteId", filter.siteId())
                .param("categoryId", filter.categoryId())
                .param("priority", filter.priority() == null ? null : filter.priority().name())
                .param("unassignedOnly", filter.unassignedOnly())
                .param("now", Timestamp.from(now));
    }

    /** How many requests each queue holds, for the counters that refresh by themselves. */
    Map<Queue, Long> counts(Long siteId, SiteScope scope, String username, Instant now) {
        Map<Queue, Long> counts = new EnumMap<>(Queue.class);
        jdbc.sql("""
                select count(*) filter (where r.status = 'NEW') as new_count,
                       count(*) filter (where %1$s and %3$s <= :now and %2$s >= :now) as at_risk,
                       count(*) filter (where %1$s and %2$s < :now) as breached,
                       count(*) filter (where r.status = 'ON_HOLD') as on_hold,
                       count(*) filter (where r.owner_username = :username) as mine,
                       count(*) as open
                from service_request r
                where r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED', 'ON_HOLD')
                  and (:allSites or r.site_id = any(:siteIds))
                  and (cast(:siteId as bigint) is null or r.site_id = :siteId)
                """.formatted(WORKING, NEXT_DUE, NEXT_RISK))
                .param("now", Timestamp.from(now))
                .param("username", username)
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("siteId", siteId)
                .query((rs, n) -> {
                    counts.put(Queue.NEW, rs.getLong("new_count"));
                    counts.put(Queue.AT_RISK, rs.getLong("at_risk"));
                    counts.put(Queue.BREACHED, rs.getLong("breached"));
                    counts.put(Queue.ON_HOLD, rs.getLong("on_hold"));
                    counts.put(Queue.MINE, rs.getLong("mine"));
                    counts.put(Queue.OPEN, rs.getLong("open"));
                    return null;
                })
                .list();
        return counts;
    }

    private static String where(Queue queue) {
        return switch (queue) {
            case NEW -> "r.status = 'NEW'";
            case AT_RISK -> WORKING + " and " + NEXT_RISK + " <= :now and " + NEXT_DUE + " >= :now";
            case BREACHED -> WORKING + " and " + NEXT_DUE + " < :now";
            case ON_HOLD -> "r.status = 'ON_HOLD'";
            case MINE -> "r.owner_username = :username and " + OPEN_STATUS;
            case OPEN -> OPEN_STATUS;
            case CLOSED -> "r.status in ('RESOLVED', 'CLOSED', 'CANCELLED')";
        };
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, SiteScope scope,
            String username, Instant now) {
        return spec.param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("siteId", filter.siteId())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("username", username)
                .param("now", Timestamp.from(now));
    }
}
