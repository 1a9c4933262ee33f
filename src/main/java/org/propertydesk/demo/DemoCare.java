package org.propertydesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.propertydesk.care.CareProgrammes;
import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The three shipped care programmes at both sites. Three households of the residential site moved in this week, so
 * the welcome call has someone to call; the call to elderly owners living alone ran last month too, nearly everyone
 * reached, and this month about half are done with a few not reachable; some birthday greetings are sent. Contacts
 * are in the customers' communication logs as well.
 */
@Component
class DemoCare {

    private static final String[] CALL_NOTES = {"老人身体不错，叮嘱注意防寒", "家中水龙头滴水，已转报修",
            "子女本周回来探望"};
    private static final String[] GREETING_NOTES = {"已发送生日祝福短信", "已上门送生日贺卡",
            "业主回复感谢"};
    private static final String NOT_REACHED = "电话无人接听，明天再打";

    private final CareProgrammes programmes;
    private final JdbcTemplate jdbc;
    private final Dates dates;

    DemoCare(CareProgrammes programmes, JdbcTemplate jdbc, Dates dates) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    void load(Instant now) {
        LocalDate today = dates.today();
        jdbc.update("""
                update occupancy set start_date = cast(? as date) - cast(house_id % 5 as int)
                where id in (select o.id from occupancy o join house h on h.id = o.house_id join site s on s.id = h.site_id
                             where s.code = 'CHY' and o.role = 'OWNER' and o.end_date is null order by h.id limit 3)
                """, Date.valueOf(today.minusDays(1)));
        List<Long> sites = jdbc.queryForList("select id from site where code in ('CHY', 'JQ') order by code", Long.class);
        sites.forEach(site -> programmes.createDefaults(site, Locale.SIMPLIFIED_CHINESE));
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        jdbc.update("""
                update care_programme set starts_on = ?
                where default_key = 'ELDERLY_CALL' and site_id in (select id from site where code in ('CHY', 'JQ'))
                """, Date.valueOf(lastMonth));
        jdbc.update("""
                insert into care_task (programme_id, site_id, round_start, house_id, customer_id, status, created_at)
                select programme_id, site_id, cast(? as date), house_id, customer_id, 'OPEN', cast(? as timestamptz)
                from care_task t
                where t.programme_id in (select id from care_programme where default_key = 'ELDERLY_CALL')
                """, Date.valueOf(lastMonth), Timestamp.from(now));
        contact("ELDERLY_CALL", lastMonth, 10, 9,
                lastMonth.plusDays(3).atTime(10, 0).atZone(dates.zone()).toInstant());
        contact("ELDERLY_CALL", today.withDayOfMonth(1), 10, 5, now.minusSeconds(4 * 3600));
        contact("BIRTHDAY", today.withDayOfMonth(1), 10, 3, now.minusSeconds(4 * 3600));
    }

    /**
     * Contacts in a round: of every {@code outOf} households, the first {@code done} are done, the next one not
     * reachable, the rest still to contact.
     */
    private void contact(String programme, LocalDate round, int outOf, int done, Instant at) {
        List<Object[]> tasks = jdbc.query("""
                select t.id, t.customer_id, t.house_id, p.name, p.kind,
                       row_number() over (order by t.house_id) % ? as slot
                from care_task t join care_programme p on p.id = t.programme_id
                where p.default_key = ? and t.round_start = ?
                """, (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getInt(6)}, outOf, programme, Date.valueOf(round));
        for (Object[] task : tasks) {
            int slot = (int) task[5];
            if (slot >= done + 1) {
                continue;
            }
            String outcome = slot < done ? "DONE" : "NOT_REACHABLE";
            String[] notes = "GREETING".equals(task[4]) ? GREETING_NOTES : CALL_NOTES;
            String note = outcome.equals("DONE") ? notes[slot % notes.length] : NOT_REACHED;
            Timestamp when = Timestamp.from(at.plusSeconds(slot * 1800L));
            jdbc.update("""
                    insert into care_contact (task_id, outcome, note, staff_username, staff_name, contacted_at)
                    values (?, ?, ?, 'frontdesk', '陈晓静', ?)
                    """, task[0], outcome, note, when);
            jdbc.update("update care_task set status = ?, last_contact_at = ? where id = ?", outcome, when, task[0]);
            jdbc.update("""
                    insert into communication (customer_id, house_id, channel, direction, summary, staff_username,
                                               staff_name, occurred_at, created_at)
                    values (?, ?, ?, 'OUTBOUND', ?, 'frontdesk', '陈晓静', ?, ?)
                    """, task[1], task[2], "GREETING".equals(task[4]) ? "MESSAGE" : "CALL",
                    "客户关怀「" + task[3] + "」：" + (outcome.equals("DONE") ? "已完成。" : "未联系上。") + note,
                    when, when);
        }
    }
}
