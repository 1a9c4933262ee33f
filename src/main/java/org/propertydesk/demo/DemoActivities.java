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
 * A community activity at 翠湖苑 ten days ahead, published in the portal, with 18 of its 20 places taken by owners
 * of the site ({@code owner2} among them), so that {@code owner} can take one of the last two and a third person
 * would wait.
 */
@Component
class DemoActivities {

    private static final int CAPACITY = 20;
    private static final int SIGN_UPS = 18;

    private final JdbcClient jdbc;
    private final Dates dates;

    DemoActivities(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    void load(Instant now) {
        long site = jdbc.sql("select id from site where code = 'CHY'").query(Long.class).single();
        LocalDate day = LocalDate.ofInstant(now, dates.zone()).plusDays(10);
        Instant starts = day.atTime(9, 30).atZone(dates.zone()).toInstant();
        Instant created = now.minus(3, ChronoUnit.DAYS);
        long activity = jdbc.sql("""
                insert into activity (site_id, title, starts_at, ends_at, held_on, place, capacity, description,
                                      created_at, created_by, updated_at, updated_by)
                values (:site, '亲子植树日', :starts, :ends, :day, '小区中心花园（3号楼南侧）', :capacity, :description,
                        :created, 'manager', :created, 'manager') returning id
                """).param("site", site).param("starts", Timestamp.from(starts))
                .param("ends", Timestamp.from(starts.plus(150, ChronoUnit.MINUTES))).param("day", Date.valueOf(day))
                .param("capacity", CAPACITY)
                .param("description", "欢迎业主带孩子一起参加植树活动，树苗和工具由物业准备。\n请穿方便活动的衣服和鞋子，雨天顺延一周。")
                .param("created", Timestamp.from(created))
                .query(Long.class).single();
        List<long[]> people = jdbc.sql("""
                select o.customer_id, min(o.house_id) from occupancy o
                join house h on h.id = o.house_id
                join customer c on c.id = o.customer_id
                where h.site_id = :site and o.end_date is null and c.customer_type = 'PERSON'
                  and not exists (select 1 from owner_account a where a.customer_id = o.customer_id and a.username = 'owner')
                group by o.customer_id
                order by exists (select 1 from owner_account a where a.customer_id = o.customer_id and a.username = 'owner2') desc,
                         min(o.house_id) desc
                limit :limit
                """).param("site", site).param("limit", SIGN_UPS)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (int i = 0; i < people.size(); i++) {
            jdbc.sql("""
                    insert into activity_sign_up (activity_id, customer_id, house_id, status, queue_no, signed_up_at)
                    values (?, ?, ?, 'CONFIRMED', nextval('activity_queue_seq'), ?)
                    """).params(activity, people.get(i)[0], people.get(i)[1],
                    Timestamp.from(created.plus(i * 47L + 20, ChronoUnit.MINUTES))).update();
        }
    }
}
