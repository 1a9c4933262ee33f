package org.propertydesk.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.propertydesk.records.CommunicationLog;
import org.propertydesk.records.Direction;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households of a programme's round and the contacts made with them. The target group is read from the records
 * tables; households join the running round as they come into the group and stay in it.
 */
@Service
@Transactional
class CareTasks {

    /** A household of a round with the person to contact and the latest contact. */
    record Row(long id, long houseId, String houseCode, long customerId, String customerName, String phone,
            CareTaskStatus status, Instant lastContactAt, String lastNote) {
    }

    /** One household's task with its programme, for the page where contacts are recorded. */
    record Task(long id, long programmeId, LocalDate roundStart, long siteId, long houseId, String houseCode,
            long customerId, String customerName, String phone, CareTaskStatus status) {
    }

    record Contact(CareTaskStatus outcome, String note, String staffName, Instant contactedAt) {
    }

    /** A care contact of one customer, for their 360 page. */
    record CustomerContact(long taskId, String programmeName, CareProgrammeKind kind, String houseCode,
            CareTaskStatus outcome, String note, String staffName, Instant contactedAt) {
    }

    private static final String ROW = """
            select t.id, t.house_id, h.code, t.customer_id, c.name,
                   (select p.number from customer_phone p where p.customer_id = c.id order by p.position, p.id limit 1),
                   t.status, t.last_contact_at,
                   (select k.note from care_contact k where k.task_id = t.id order by k.contacted_at desc, k.id desc limit 1)
            from care_task t join house h on h.id = t.house_id join customer c on c.id = t.customer_id
            """;

    private final CareProgrammeRepository programmes;
    private final CommunicationLog log;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Dates dates;

    CareTasks(CareProgrammeRepository programmes, CommunicationLog log, JdbcClient jdbc, MessageSource messages,
            Dates dates) {
        this.programmes = programmes;
        this.log = log;
        this.jdbc = jdbc;
        this.messages = messages;
        this.dates = dates;
    }

    /**
     * Adds the households now in the target group to the running round; nothing while the programme is not running.
     * A household is one house: the occupant who matches is contacted, the primary contact first if several do.
     */
    int refresh(CareProgramme programme) {
        LocalDate today = dates.today();
        if (!programme.runsOn(today)) {
            return 0;
        }
        List<String> where = new ArrayList<>(List.of("h.site_id = :site", "o.end_date is null", "o.start_date <= :today"));
        if (programme.getCareFlag() != null) {
            where.add("exists (select 1 from customer_care_flag f where f.customer_id = c.id and f.flag = :careFlag)");
        }
        if (programme.getValueTier() != null) {
            where.add("c.value_tier = :valueTier");
        }
        if (programme.getDisposition() != null) {
            where.add("c.disposition = :disposition");
        }
        if (programme.getBuildingId() != null) {
            where.add("h.building_id = :building");
        }
        if (programme.isBirthdayThisMonth()) {
            where.add("extract(month from c.birthday) = :month");
        }
        if (programme.getMovedInWithinDays() != null) {
            where.add("o.start_date > :movedInAfter");
        }
        var sql = jdbc.sql("""
                insert into care_task (programme_id, site_id, round_start, house_id, customer_id, status, created_at)
                select distinct on (h.id) :programme, h.site_id, :round, h.id, c.id, 'OPEN', :now
                from occupancy o join house h on h.id = o.house_id join customer c on c.id = o.customer_id
                where %s
                order by h.id, o.primary_contact desc, c.id
                on conflict (programme_id, round_start, house_id) do nothing
                """.formatted(String.join(" and ", where)))
                .param("programme", programme.getId())
                .param("site", programme.getSiteId())
                .param("round", programme.roundOn(today))
                .param("today", today)
                .param("now", Timestamp.from(dates.now()));
        if (programme.getCareFlag() != null) {
            sql = sql.param("careFlag", programme.getCareFlag().name());
        }
        if (programme.getValueTier() != null) {
            sql = sql.param("valueTier", programme.getValueTier().name());
        }
        if (programme.getDisposition() != null) {
            sql = sql.param("disposition", programme.getDisposition().name());
        }
        if (programme.getBuildingId() != null) {
            sql = sql.param("building", programme.getBuildingId());
        }
        if (programme.isBirthdayThisMonth()) {
            sql = sql.param("month", today.getMonthValue());
        }
        if (programme.getMovedInWithinDays() != null) {
            sql = sql.param("movedInAfter", today.minusDays(programme.getMovedInWithinDays()));
        }
        return sql.update();
    }

    /** Brings every running programme's round up to date. */
    void refreshAll() {
        programmes.findAllOrdered().forEach(this::refresh);
    }

    /** A round's households, those still to contact first, then by house; optionally only those in one status. */
    @Transactional(readOnly = true)
    Page<Row> page(long programmeId, LocalDate round, CareTaskStatus status, Pageable pageable) {
        String where = " where t.programme_id = :programme and t.round_start = :round"
                + (status == null ? "" : " and t.status = :status");
        var rows = jdbc.sql(ROW + where + " order by case when t.status = 'OPEN' then 0 when t.status = 'NOT_REACHABLE' then 1"
                + " else 2 end, h.code, t.id limit :limit offset :offset")
                .param("programme", programmeId).param("round", round)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset());
        var count = jdbc.sql("select count(*) from care_task t" + where)
                .param("programme", programmeId).param("round", round);
        if (status != null) {
            rows = rows.param("status", status.name());
            count = count.param("status", status.name());
        }
        return new PageImpl<>(rows.query((rs, n) -> row(rs)).list(), pageable, count.query(Long.class).single());
    }

    /** A task of one of the reader's sites; any other is "not found". */
    @Transactional(readOnly = true)
    Task task(long id) {
        return find(id, false).filter(t -> CurrentUser.siteScope().includes(t.siteId()))
                .orElseThrow(() -> new NotFoundException("CareTask", id));
    }

    @Transactional(readOnly = true)
    List<Contact> contacts(long taskId) {
        return jdbc.sql("select outcome, note, staff_name, contacted_at from care_contact where task_id = ?"
                + " order by contacted_at desc, id desc").params(taskId)
                .query((rs, n) -> new Contact(CareTaskStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * Records a contact in the running round and writes it to the customer's communication log. A round that is
     * over, or a programme not running, takes no more contacts.
     */
    void record(long taskId, CareContactForm form, Locale locale) {
        Task task = find(taskId, true).filter(t -> CurrentUser.siteScope().includes(t.siteId()))
                .orElseThrow(() -> new NotFoundException("CareTask", taskId));
        CareProgramme programme = programmes.findById(task.programmeId()).orElseThrow();
        LocalDate today = dates.today();
        if (!programme.runsOn(today) || !programme.roundOn(today).equals(task.roundStart())) {
            throw new BusinessRuleException("care.error.roundClosed");
        }
        if (!CareTaskStatus.OUTCOMES.contains(form.getOutcome())) {
            throw new BusinessRuleException("care.error.outcome");
        }
        Instant now = dates.now();
        jdbc.sql("""
                insert into care_contact (task_id, outcome, note, staff_username, staff_name, contacted_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(taskId, form.getOutcome().name(), form.getNote(), CurrentUser.username(),
                CurrentUser.displayName(), Timestamp.from(now)).update();
        jdbc.sql("update care_task set status = ?, last_contact_at = ? where id = ?")
                .params(task.status().after(form.getOutcome()).name(), Timestamp.from(now), taskId).update();
        String outcome = messages.getMessage("care.outcome." + form.getOutcome().name(), null, locale);
        String summary = form.getNote() == null
                ? messages.getMessage("care.log.summary", new Object[] {programme.getName(), outcome}, locale)
                : messages.getMessage("care.log.summaryWithNote",
                        new Object[] {programme.getName(), outcome, form.getNote()}, locale);
        log.record(task.customerId(), task.houseId(), programme.getKind().channel(), Direction.OUTBOUND, summary, now);
    }

    /** The customer's latest care contacts at the reader's sites. */
    @Transactional(readOnly = true)
    List<CustomerContact> ofCustomer(long customerId, int limit) {
        var scope = CurrentUser.siteScope();
        return jdbc.sql("""
                select t.id, p.name, p.kind, h.code, k.outcome, k.note, k.staff_name, k.contacted_at
                from care_contact k join care_task t on t.id = k.task_id join care_programme p on p.id = t.programme_id
                     join house h on h.id = t.house_id
                where t.customer_id = :customer and (:all or t.site_id in (:sites))
                order by k.contacted_at desc, k.id desc limit :limit
                """).param("customer", customerId).param("all", scope.allSites()).param("sites", scope.idsForQuery())
                .param("limit", limit)
                .query((rs, n) -> new CustomerContact(rs.getLong(1), rs.getString(2),
                        CareProgrammeKind.valueOf(rs.getString(3)), rs.getString(4), CareTaskStatus.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The task, locked against a second contact recorded at the same moment when {@code lock} is set. */
    private Optional<Task> find(long id, boolean lock) {
        return jdbc.sql("""
                select t.id, t.programme_id, t.round_start, t.site_id, t.house_id, h.code, t.customer_id, c.name,
                       (select p.number from customer_phone p where p.customer_id = c.id order by p.position, p.id limit 1),
                       t.status
                from care_task t join house h on h.id = t.house_id join customer c on c.id = t.customer_id
                where t.id = ?
                """ + (lock ? " for update of t" : "")).params(id)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                        CareTaskStatus.valueOf(rs.getString(10))))
                .optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp(8);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                CareTaskStatus.valueOf(rs.getString(7)), last == null ? null : last.toInstant(), rs.getString(9));
    }
}
