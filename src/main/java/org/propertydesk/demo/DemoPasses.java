package org.propertydesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Release passes at 翠湖苑 for the gate's demo: the demo owner's pass for today, ready to check (as guard
 * {@code tech-chen}, a technician with the security skill); a tenant's pass the desk approved for today; a tenant's
 * pass for tomorrow waiting for the owner; and yesterday's pass, used, with a second attempt refused.
 */
@Component
class DemoPasses {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;
    private final Dates dates;

    DemoPasses(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** A current occupant of a house: who asks for a pass. */
    private record Occupant(long houseId, long siteId, long customerId, String name, String role) {
    }

    void load(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, dates.zone());
        // the same house DemoPortal gives the demo owner account, so that "owner" sees this pass in the portal
        Occupant owner = jdbc.sql("""
                select h.id, h.site_id, c.id, c.name, o.role from occupancy o
                join house h on h.id = o.house_id join site s on s.id = h.site_id join customer c on c.id = o.customer_id
                where s.code = 'CHY' and o.role = 'OWNER' and o.end_date is null and c.customer_type = 'PERSON'
                  and exists (select 1 from customer_phone p where p.customer_id = c.id)
                  and not exists (select 1 from occupancy t where t.house_id = o.house_id and t.role = 'TENANT' and t.end_date is null)
                order by h.code limit 1
                """).query((rs, n) -> new Occupant(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).single();
        List<Occupant> tenants = jdbc.sql("""
                select h.id, h.site_id, c.id, c.name, o.role from occupancy o
                join house h on h.id = o.house_id join site s on s.id = h.site_id join customer c on c.id = o.customer_id
                where s.code = 'CHY' and o.role = 'TENANT' and o.end_date is null
                order by h.code limit 3
                """).query((rs, n) -> new Occupant(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).list();

        insert(owner, "旧沙发一套、纸箱四个", today, "沪A3K729", "APPROVED", "OWNER_REQUEST", owner.name(), null, now);
        if (tenants.size() >= 2) {
            insert(tenants.get(0), "个人衣物、电脑一台（租约到期搬离）", today, "沪B5N211", "APPROVED", "DESK_APPROVAL",
                    "陈晓静", "已电话联系业主同意，租赁合同已核对", now);
            insert(tenants.get(1), "双人床一张、书桌一张", today.plusDays(1), null, "PENDING", null, null, null, now);
        }
        long used = insert(owner, "自行车一辆", today.minusDays(1), null, "APPROVED", "OWNER_REQUEST", owner.name(), null,
                now.minus(Duration.ofDays(1)));
        Instant letThrough = now.minus(Duration.ofHours(20));
        jdbc.sql("update release_pass set status = 'USED', used_at = ?, used_by_name = '陈刚' where id = ?")
                .params(Timestamp.from(letThrough), used).update();
        check(used, "VALID", true, letThrough);
        check(used, "ALREADY_USED", false, letThrough.plus(Duration.ofMinutes(40)));
    }

    private long insert(Occupant requester, String items, LocalDate day, String plate, String status, String approval,
            String decidedBy, String reason, Instant at) {
        return jdbc.sql("""
                insert into release_pass (number, site_id, house_id, requester_id, requester_name, requester_role,
                                          requested_via, items, pass_date, vehicle_plate, status, approval,
                                          decided_by_name, decided_at, decision_reason,
                                          created_at, created_by, updated_at, updated_by)
                values (:number, :site, :house, :customer, :name, :role, 'DESK', :items, :day, :plate, :status, :approval,
                        :decidedBy, :decidedAt, :reason, :at, 'frontdesk', :at, 'frontdesk')
                returning id
                """)
                .param("number", number(at)).param("site", requester.siteId()).param("house", requester.houseId())
                .param("customer", requester.customerId()).param("name", requester.name()).param("role", requester.role())
                .param("items", items).param("day", Date.valueOf(day)).param("plate", plate).param("status", status)
                .param("approval", approval).param("decidedBy", decidedBy)
                .param("decidedAt", decidedBy == null ? null : Timestamp.from(at)).param("reason", reason)
                .param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** The next number of the day, from the counter the application itself uses. */
    private String number(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, dates.zone());
        int value = jdbc.sql("""
                insert into release_pass_counter (day, last_value) values (?, 1)
                on conflict (day) do update set last_value = release_pass_counter.last_value + 1
                returning last_value
                """).params(Date.valueOf(day)).query(Integer.class).single();
        return "P-" + DAY.format(day) + "-" + String.format("%04d", value);
    }

    private void check(long passId, String result, boolean markedUsed, Instant at) {
        jdbc.sql("""
                insert into release_pass_check (pass_id, number_entered, result, marked_used, checked_at, checked_by,
                                                checked_by_name)
                select id, number, ?, ?, ?, 'tech-chen', '陈刚' from release_pass where id = ?
                """).params(result, markedUsed, Timestamp.from(at), passId).update();
    }
}
