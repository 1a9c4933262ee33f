package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders (催缴) about overdue fees: each one made is recorded with its channel and outcome, and with what was
 * overdue at that moment, so that the history reads right after later payments.
 */
@Service
@Transactional(readOnly = true)
class FeeReminders {

    /** How many portal reminders an owner's bills page lists, latest first. */
    static final int PORTAL_SHOWN = 10;

    private static final String SELECT = """
            select id, house_id, channel, outcome, note, overdue_amount, staff_name, reminded_at from fee_reminder
            """;

    private final JdbcClient jdbc;
    private final FeeLedger ledger;

    FeeReminders(JdbcClient jdbc, FeeLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    record Reminder(long id, long houseId, ReminderChannel channel, ReminderOutcome outcome, String note,
            BigDecimal overdueAmount, String staffName, Instant remindedAt) {
    }

    /** Records a reminder about the house (which the caller has checked is theirs to see). */
    @Transactional
    long record(HouseSummary house, ReminderChannel channel, ReminderOutcome outcome, String note) {
        BigDecimal overdue = ledger.balances(List.of(house.id())).getOrDefault(house.id(), FeeLedger.Balance.NONE).overdue();
        return jdbc.sql("""
                insert into fee_reminder (site_id, house_id, channel, outcome, note, overdue_amount, staff_username,
                                          staff_name, reminded_at)
                values (:site, :house, :channel, :outcome, cast(:note as varchar), :overdue, :username, :name, :now)
                returning id
                """)
                .param("site", house.siteId())
                .param("house", house.id())
                .param("channel", channel.name())
                .param("outcome", outcome.name())
                .param("note", note)
                .param("overdue", overdue)
                .param("username", CurrentUser.username())
                .param("name", CurrentUser.displayName())
                .param("now", OffsetDateTime.ofInstant(ledger.now(), ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    List<Reminder> ofHouse(long houseId) {
        return jdbc.sql(SELECT + " where house_id = :house order by reminded_at desc, id desc")
                .param("house", houseId)
                .query((rs, n) -> reminder(rs))
                .list();
    }

    /** The reminders sent to these houses through the portal, latest first: what the household is shown. */
    List<Reminder> throughPortal(Collection<Long> houseIds) {
        if (houseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where house_id = any(:houses) and channel = 'PORTAL' order by reminded_at desc, id desc limit :limit")
                .param("houses", houseIds.toArray(Long[]::new))
                .param("limit", PORTAL_SHOWN)
                .query((rs, n) -> reminder(rs))
                .list();
    }

    private static Reminder reminder(ResultSet rs) throws SQLException {
        return new Reminder(rs.getLong("id"), rs.getLong("house_id"), ReminderChannel.valueOf(rs.getString("channel")),
                ReminderOutcome.valueOf(rs.getString("outcome")), rs.getString("note"), rs.getBigDecimal("overdue_amount"),
                rs.getString("staff_name"), rs.getObject("reminded_at", OffsetDateTime.class).toInstant());
    }
}
