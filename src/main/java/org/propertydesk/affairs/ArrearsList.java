package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The houses with overdue fees, per site, with what they owe in each ageing band; the most owed first. Only bills
 * past their due date count. The totals cover every house the filter lists, not just the page shown.
 */
@Service
@Transactional(readOnly = true)
class ArrearsList {

    static final int PAGE_SIZE = 50;

    /**
     * Overdue amounts per house, for the user's sites (or one of them) and, when a band is chosen, the houses whose
     * oldest overdue bill is in that band.
     */
    static final String PER_HOUSE = """
            with owed as (
                select b.house_id, b.amount_due - b.amount_paid as owed, cast(:today as date) - b.due_date as days
                from fee_bill b
                where b.amount_paid < b.amount_due and b.due_date < cast(:today as date)
                  and (:allSites or b.site_id = any(:siteIds)) and (:siteId = 0 or b.site_id = :siteId)
            ), per_house as (
                select house_id, sum(owed) as total,
                       coalesce(sum(owed) filter (where days <= 30), 0.00) as up_to_30,
                       coalesce(sum(owed) filter (where days between 31 and 90), 0.00) as days_31_90,
                       coalesce(sum(owed) filter (where days between 91 and 180), 0.00) as days_91_180,
                       coalesce(sum(owed) filter (where days > 180), 0.00) as over_180,
                       max(days) as oldest_days
                from owed group by house_id
                having max(days) between :minDays and :maxDays
            )
            """;

    private final JdbcClient jdbc;
    private final FeeLedger ledger;

    ArrearsList(JdbcClient jdbc, FeeLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Which houses: a site (0 for all the user's sites) and optionally the band of their oldest overdue bill. */
    record Filter(long siteId, ArrearsBucket bucket) {
    }

    record Amounts(BigDecimal total, BigDecimal upTo30, BigDecimal days31To90, BigDecimal days91To180, BigDecimal over180) {
    }

    record Row(long houseId, String houseCode, String siteName, String occupant, String phone, Amounts amounts,
            int oldestDays, Instant lastRemindedAt, ReminderChannel lastChannel, ReminderOutcome lastOutcome) {
    }

    record Result(Page<Row> rows, Amounts totals) {
    }

    Result find(SiteScope scope, Filter filter, int page) {
        int current = Math.max(0, page);
        record Totals(long houses, Amounts amounts) {
        }
        Totals totals = params(jdbc.sql(PER_HOUSE + """
                select count(*) as houses, coalesce(sum(total), 0.00) as total, coalesce(sum(up_to_30), 0.00) as up_to_30,
                       coalesce(sum(days_31_90), 0.00) as days_31_90, coalesce(sum(days_91_180), 0.00) as days_91_180,
                       coalesce(sum(over_180), 0.00) as over_180
                from per_house
                """), scope, filter)
                .query((rs, n) -> new Totals(rs.getLong("houses"), amounts(rs)))
                .single();
        List<Row> rows = totals.houses() == 0 ? List.of() : params(jdbc.sql(PER_HOUSE + """
                select p.*, h.code as house_code, s.name as site_name, occ.name as occupant, occ.phone,
                       rem.reminded_at, rem.channel, rem.outcome
                from per_house p
                join house h on h.id = p.house_id
                join site s on s.id = h.site_id
                left join lateral (
                    select c.name, (select ph.number from customer_phone ph where ph.customer_id = c.id
                                    order by ph.position, ph.id limit 1) as phone
                    from occupancy o join customer c on c.id = o.customer_id
                    where o.house_id = p.house_id and o.end_date is null
                    order by o.primary_contact desc, (o.role = 'OWNER') desc, o.id limit 1
                ) occ on true
                left join lateral (
                    select r.reminded_at, r.channel, r.outcome from fee_reminder r
                    where r.house_id = p.house_id order by r.reminded_at desc, r.id desc limit 1
                ) rem on true
                order by p.total desc, s.code, h.code
                limit :limit offset :offset
                """), scope, filter)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) current * PAGE_SIZE)
                .query((rs, n) -> {
                    String channel = rs.getString("channel");
                    String outcome = rs.getString("outcome");
                    return new Row(rs.getLong("house_id"), rs.getString("house_code"), rs.getString("site_name"),
                            rs.getString("occupant"), rs.getString("phone"), amounts(rs), rs.getInt("oldest_days"),
                            instant(rs.getObject("reminded_at", OffsetDateTime.class)),
                            channel == null ? null : ReminderChannel.valueOf(channel),
                            outcome == null ? null : ReminderOutcome.valueOf(outcome));
                })
                .list();
        return new Result(new PageImpl<>(rows, PageRequest.of(current, PAGE_SIZE), totals.houses()), totals.amounts());
    }

    /** Houses the filter lists, for a reminder sent to all of them through the portal; returns how many. */
    @Transactional
    int remindThroughPortal(SiteScope scope, Filter filter, String note, String username, String displayName) {
        return params(jdbc.sql(PER_HOUSE + """
                insert into fee_reminder (site_id, house_id, channel, outcome, note, overdue_amount, staff_username,
                                          staff_name, reminded_at)
                select h.site_id, p.house_id, 'PORTAL', 'SENT', cast(:note as varchar), p.total, :username, :displayName, :now
                from per_house p join house h on h.id = p.house_id
                """), scope, filter)
                .param("note", note)
                .param("username", username)
                .param("displayName", displayName)
                .param("now", OffsetDateTime.ofInstant(ledger.now(), ZoneOffset.UTC))
                .update();
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, SiteScope scope, Filter filter) {
        LocalDate today = ledger.today();
        return statement
                .param("today", today)
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("siteId", filter.siteId())
                .param("minDays", filter.bucket() == null ? 1 : filter.bucket().minDays())
                .param("maxDays", filter.bucket() == null ? Integer.MAX_VALUE : filter.bucket().maxDays());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static Amounts amounts(ResultSet rs) throws SQLException {
        return new Amounts(rs.getBigDecimal("total"), rs.getBigDecimal("up_to_30"), rs.getBigDecimal("days_31_90"),
                rs.getBigDecimal("days_91_180"), rs.getBigDecimal("over_180"));
    }
}
