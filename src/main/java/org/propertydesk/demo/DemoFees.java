package org.propertydesk.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fees for the demo: a quarter of the occupied houses have a year of monthly property-fee bills, as if imported from
 * the finance system. Most are paid up; some owe the last two months, some seven (so every ageing band has houses),
 * some half of last month. The portal's demo owner ({@code owner}) owes two months and has a portal reminder; the
 * houses seven months behind have been phoned twice.
 */
@Component
class DemoFees {

    private final JdbcClient jdbc;
    private final Dates dates;

    DemoFees(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    void load(Instant now) {
        LocalDate today = now.atZone(dates.zone()).toLocalDate();
        jdbc.sql("""
                with households as (
                    select h.id, h.site_id, coalesce(h.area, 100) as area, s.property_type,
                           row_number() over (order by h.site_id, h.code) as n,
                           exists (select 1 from occupancy o join owner_account a on a.customer_id = o.customer_id
                                   where o.house_id = h.id and o.end_date is null and a.username = 'owner') as portal_owner
                    from house h join site s on s.id = h.site_id
                    where exists (select 1 from occupancy o where o.house_id = h.id and o.end_date is null)
                ), chosen as (
                    -- pattern 0: two months unpaid, 1: seven months, 2: half of last month, else paid up
                    select id, site_id, area, property_type,
                           case when portal_owner then 0 else (n / 4) % 8 end as pattern
                    from households where n % 4 = 1 or portal_owner
                ), bills as (
                    select c.id, c.site_id, c.pattern, m.back,
                           cast(date_trunc('month', cast(:today as date)) - make_interval(months => m.back) as date) as month_start,
                           round(c.area * case c.property_type when 'RESIDENTIAL' then 2.80 when 'OFFICE' then 6.50 else 4.00 end, 2) as due
                    from chosen c cross join generate_series(0, 11) as m(back)
                )
                insert into fee_bill (site_id, house_id, fee_item, period, amount_due, amount_paid, due_date, imported_at, imported_by)
                select site_id, id, '物业服务费', to_char(month_start, 'YYYY-MM'), due,
                       case when back = 0 then 0
                            when pattern = 0 and back <= 2 then 0
                            when pattern = 1 and back <= 7 then 0
                            when pattern = 2 and back = 1 then round(due / 2, 2)
                            else due end,
                       cast(month_start + interval '1 month' - interval '1 day' as date), :now, 'finance'
                from bills
                """)
                .param("today", today)
                .param("now", at(now))
                .update();
        remind("""
                select b.house_id from fee_bill b where b.amount_paid < b.amount_due and b.due_date < cast(:today as date)
                group by b.house_id having count(*) >= 7
                """, today, "PHONE", "NOT_REACHED", null, now.minus(20, ChronoUnit.DAYS));
        remind("""
                select b.house_id from fee_bill b where b.amount_paid < b.amount_due and b.due_date < cast(:today as date)
                group by b.house_id having count(*) >= 7
                """, today, "PHONE", "PROMISED_TO_PAY", "业主称月底前一次缴清", now.minus(5, ChronoUnit.DAYS));
        remind("""
                select o.house_id from occupancy o join owner_account a on a.customer_id = o.customer_id
                where a.username = 'owner' and o.end_date is null
                """, today, "PORTAL", "SENT", "您好，您的物业服务费已逾期，请于本月底前到物业服务中心缴纳。", now.minus(2, ChronoUnit.DAYS));
    }

    /** A reminder to each house the query names, with what the house had overdue. */
    private void remind(String houses, LocalDate today, String channel, String outcome, String note, Instant at) {
        jdbc.sql("""
                insert into fee_reminder (site_id, house_id, channel, outcome, note, overdue_amount, staff_username,
                                          staff_name, reminded_at)
                select h.site_id, h.id, :channel, :outcome, cast(:note as varchar),
                       (select coalesce(sum(b.amount_due - b.amount_paid), 0) from fee_bill b
                        where b.house_id = h.id and b.due_date < cast(:today as date)),
                       'frontdesk', '陈晓静', :at
                from house h where h.id in (%s)
                """.formatted(houses))
                .param("channel", channel)
                .param("outcome", outcome)
                .param("note", note)
                .param("today", today)
                .param("at", at(at))
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
