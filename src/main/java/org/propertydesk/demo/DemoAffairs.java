package org.propertydesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Public affairs at 翠湖苑: three decorations (one under way with an inspection finding, one past its end and not
 * accepted, one accepted with its deposit refunded), a move-in handover on file, and twelve parking spaces of which
 * three leases end within the month, so that every list of the module has something to show.
 */
@Component
class DemoAffairs {

    private static final int[] LEASE_DAYS_LEFT = {5, 12, 28, 45, 90, 180, 270, 365};

    private final JdbcClient jdbc;
    private final Dates dates;

    DemoAffairs(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    record Household(long houseId, long customerId, String status) {
    }

    void load(Instant now) {
        long site = jdbc.sql("select id from site where code = 'CHY'").query(Long.class).single();
        LocalDate today = LocalDate.ofInstant(now, dates.zone());
        List<Household> households = jdbc.sql("""
                select distinct on (h.id) h.id, o.customer_id, h.status from house h
                join occupancy o on o.house_id = h.id and o.end_date is null and o.role = 'OWNER'
                where h.site_id = ? order by h.id, o.id
                """).params(site).query((rs, n) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();

        long underWay = decoration(site, households.get(3), today.minusDays(20), today.plusDays(40), "5000.00", now);
        inspection(underWay, now.minus(2, ChronoUnit.DAYS), "施工规范，垃圾已袋装清运", true);
        inspection(underWay, now.minus(1, ChronoUnit.DAYS), "楼道堆放瓷砖和水泥，影响通行", false);
        long overdue = decoration(site, households.get(11), today.minusDays(70), today.minusDays(5), "3000.00", now);
        hotWork(overdue, today.minusDays(30).atTime(9, 0).atZone(dates.zone()).toInstant(), now);
        long accepted = decoration(site, households.get(19), today.minusDays(90), today.minusDays(30), "3000.00", now);
        jdbc.sql("""
                update decoration set accepted_on = ?, accepted_by = '客服经理', deposit_state = 'REFUNDED' where id = ?
                """).params(Date.valueOf(today.minusDays(28)), accepted).update();
        jdbc.sql("update house set status = d.house_status_before from decoration d where d.id = ? and house.id = d.house_id")
                .params(accepted).update();

        moveIn(site, households.get(0), now);

        for (int i = 1; i <= 12; i++) {
            String type = i <= 8 ? "LEASED" : i <= 10 ? "OWNED" : "VISITOR";
            long space = jdbc.sql("""
                    insert into parking_space (site_id, number, space_type, location, created_at, created_by)
                    values (?, ?, ?, '地下车库 B1', ?, 'system') returning id
                    """).params(site, "B1-%03d".formatted(i), type, Timestamp.from(now)).query(Long.class).single();
            if (i <= 10) {
                Household holder = households.get(30 + i);
                LocalDate ends = i <= 8 ? today.plusDays(LEASE_DAYS_LEFT[i - 1]) : null;
                LocalDate starts = ends == null ? today.minusYears(2) : ends.minusYears(1).plusDays(1);
                jdbc.sql("""
                        insert into parking_assignment (space_id, customer_id, house_id, plate_numbers, starts_on, ends_on,
                                                        created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'system')
                        """).params(space, holder.customerId(), holder.houseId(), "沪A%05d".formatted(10_000 + i * 731),
                        Date.valueOf(starts), ends == null ? null : Date.valueOf(ends), Timestamp.from(now)).update();
            }
        }
    }

    private long decoration(long site, Household household, LocalDate starts, LocalDate ends, String deposit,
            Instant now) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('decoration', 'id'))").query(Long.class).single();
        String permit = "ZX%d-%05d".formatted(starts.getYear(), id);
        jdbc.sql("""
                insert into decoration (id, site_id, house_id, permit_no, contractor, contractor_phone, workers,
                        worker_count, starts_on, ends_on, work_scope, deposit, deposit_state, house_status_before,
                        created_at, created_by)
                values (?, ?, ?, ?, '安居装饰工程有限公司', '13816628899', ?, 3, ?, ?, ?, ?::numeric, 'HELD', ?, ?, 'frontdesk')
                """).params(id, site, household.houseId(), permit, "张师傅\n李师傅\n王师傅", Date.valueOf(starts),
                Date.valueOf(ends), "厨房、卫生间翻新，客厅铺设木地板；不改动承重墙和外立面。", deposit, household.status(),
                Timestamp.from(now)).update();
        jdbc.sql("update house set status = 'DECORATING' where id = ?").params(household.houseId()).update();
        jdbc.sql("""
                insert into house_history (house_id, kind, entry_date, text, author, created_at)
                values (?, 'DECORATION', ?, ?, '前台', ?)
                """).params(household.houseId(), Date.valueOf(starts),
                "装修登记，许可证 " + permit + "：安居装饰工程有限公司，" + starts + " 至 " + ends + "。", Timestamp.from(now))
                .update();
        return id;
    }

    private void inspection(long decoration, Instant at, String finding, boolean compliant) {
        jdbc.sql("""
                insert into decoration_inspection (decoration_id, inspected_at, inspector, finding, compliant, created_by)
                values (?, ?, '前台', ?, ?, 'frontdesk')
                """).params(decoration, Timestamp.from(at), finding, compliant).update();
    }

    private void hotWork(long decoration, Instant starts, Instant now) {
        jdbc.sql("""
                insert into decoration_hot_work (decoration_id, starts_at, ends_at, work_place, approver, created_at, created_by)
                values (?, ?, ?, '厨房燃气管道改线焊接', '工程部赵工', ?, 'frontdesk')
                """).params(decoration, Timestamp.from(starts), Timestamp.from(starts.plus(3, ChronoUnit.HOURS)),
                Timestamp.from(now)).update();
    }

    private void moveIn(long site, Household household, Instant now) {
        jdbc.sql("""
                insert into move_in_handover (site_id, house_id, customer_id, occupancy_role, handover_date, documents,
                        keys_handed, water_reading, electricity_reading, gas_reading, items_issued, confirmed_by_name,
                        created_at, created_by)
                select ?, o.house_id, o.customer_id, 'OWNER', o.start_date, 'HANDOVER_NOTICE,ID_CARD,PURCHASE_CONTRACT',
                       4, 12.50, 356.20, 3.10, '门禁卡 2 张、信箱钥匙 1 把、业主手册 1 本', c.name, ?, 'frontdesk'
                from occupancy o join customer c on c.id = o.customer_id
                where o.house_id = ? and o.customer_id = ?
                """).params(site, Timestamp.from(now), household.houseId(), household.customerId()).update();
    }
}
