package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.propertydesk.records.Handovers;
import org.propertydesk.records.Handovers.HouseRef;
import org.propertydesk.records.HistoryKind;
import org.propertydesk.records.HouseStatus;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decoration registrations and what happens during the work: inspections whose findings can become service
 * requests, hot-work permits, and acceptance, which settles the deposit. A house being decorated shows as such until
 * its last open decoration is accepted.
 */
@Service
@Transactional
class DecorationService {

    static final int PAGE_SIZE = 20;

    /** Hot work is permitted a shift at a time; a longer job needs a new permit the next day. */
    static final Duration LONGEST_HOT_WORK = Duration.ofHours(12);

    private static final String SELECT = """
            select d.*, h.code as house_code, s.name as site_name
            from decoration d join house h on h.id = d.house_id join site s on s.id = d.site_id
            """;

    private final JdbcClient jdbc;
    private final Handovers records;
    private final RequestIntake intake;
    private final MessageSource messages;
    private final Dates dates;

    DecorationService(JdbcClient jdbc, Handovers records, RequestIntake intake, MessageSource messages, Dates dates) {
        this.jdbc = jdbc;
        this.records = records;
        this.intake = intake;
        this.messages = messages;
        this.dates = dates;
    }

    record Decoration(long id, long siteId, String siteName, long houseId, String houseCode, String permitNo,
            String contractor, String contractorPhone, String workers, int workerCount, LocalDate startsOn,
            LocalDate endsOn, String workScope, BigDecimal deposit, DecorationDepositState depositState,
            BigDecimal depositDeducted, String depositReason, LocalDate acceptedOn, String acceptedBy,
            Instant createdAt, String createdBy) {

        public boolean accepted() {
            return acceptedOn != null;
        }

        public boolean overdue(LocalDate today) {
            return !accepted() && endsOn.isBefore(today);
        }

        public BigDecimal refunded() {
            return depositState == DecorationDepositState.HELD ? null
                    : deposit.subtract(depositDeducted == null ? BigDecimal.ZERO : depositDeducted);
        }

        public List<String> workerNames() {
            return workers.lines().toList();
        }
    }

    record Inspection(long id, Instant inspectedAt, String inspector, String finding, boolean compliant, Long requestId,
            String requestNumber) {
    }

    record HotWork(long id, Instant startsAt, Instant endsAt, String workPlace, String approver, String createdBy) {
    }

    @Transactional(readOnly = true)
    HouseRef house(long houseId) {
        return records.house(houseId).orElseThrow(() -> new NotFoundException("House", houseId));
    }

    /** The decorations of the sites the user serves (or of one of them), as the filter asks. */
    @Transactional(readOnly = true)
    Page<Decoration> list(Long siteId, DecorationFilter filter, int page) {
        SiteScope scope = CurrentUser.siteScope();
        if (siteId != null && !scope.includes(siteId)) {
            throw new NotFoundException("Site", siteId);
        }
        String where = """
                where (:all or d.site_id in (:ids)) and (cast(:site as bigint) is null or d.site_id = :site)
                """ + switch (filter) {
            case OPEN -> " and d.accepted_on is null";
            case OVERDUE -> " and d.accepted_on is null and d.ends_on < :today";
            case ACCEPTED -> " and d.accepted_on is not null";
        };
        String order = filter == DecorationFilter.ACCEPTED ? " order by d.accepted_on desc, d.id desc"
                : " order by d.ends_on, d.id";
        long total = jdbc.sql("select count(*) from decoration d " + where).param("all", scope.allSites())
                .param("ids", scope.idsForQuery()).param("site", siteId).param("today", dates.today())
                .query(Long.class).single();
        List<Decoration> rows = jdbc.sql(SELECT + where + order + " limit :limit offset :offset")
                .param("all", scope.allSites()).param("ids", scope.idsForQuery()).param("site", siteId)
                .param("today", dates.today()).param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query(DecorationService::decoration).list();
        return new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total);
    }

    @Transactional(readOnly = true)
    Decoration get(long id) {
        Decoration decoration = jdbc.sql(SELECT + " where d.id = ?").params(id).query(DecorationService::decoration)
                .optional().orElseThrow(() -> new NotFoundException("Decoration", id));
        if (!CurrentUser.siteScope().includes(decoration.siteId())) {
            throw new NotFoundException("Decoration", id);
        }
        return decoration;
    }

    @Transactional(readOnly = true)
    List<Decoration> forHouse(long houseId) {
        house(houseId);
        return jdbc.sql(SELECT + " where d.house_id = ? order by d.starts_on desc, d.id desc").params(houseId)
                .query(DecorationService::decoration).list();
    }

    @Transactional(readOnly = true)
    List<Inspection> inspections(long decorationId) {
        return jdbc.sql("""
                select i.*, r.number as request_number from decoration_inspection i
                left join service_request r on r.id = i.request_id
                where i.decoration_id = ? order by i.inspected_at desc, i.id desc
                """).params(decorationId)
                .query((rs, row) -> new Inspection(rs.getLong("id"), rs.getTimestamp("inspected_at").toInstant(),
                        rs.getString("inspector"), rs.getString("finding"), rs.getBoolean("compliant"),
                        rs.getObject("request_id", Long.class), rs.getString("request_number")))
                .list();
    }

    @Transactional(readOnly = true)
    List<HotWork> hotWorks(long decorationId) {
        return jdbc.sql("select * from decoration_hot_work where decoration_id = ? order by starts_at desc, id desc")
                .params(decorationId)
                .query((rs, row) -> new HotWork(rs.getLong("id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("work_place"), rs.getString("approver"),
                        rs.getString("created_by")))
                .list();
    }

    /** Registers the work, marks the house as being decorated and notes it in the house's history. */
    long register(HouseRef house, DecorationForm form) {
        if (form.getEndsOn().isBefore(form.getStartsOn())) {
            throw new BusinessRuleException("decoration.error.endsBeforeStart");
        }
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('decoration', 'id'))").query(Long.class).single();
        String permitNo = "ZX%d-%05d".formatted(form.getStartsOn().getYear(), id);
        List<String> workers = form.workerNames();
        jdbc.sql("""
                insert into decoration (id, site_id, house_id, permit_no, contractor, contractor_phone, workers,
                        worker_count, starts_on, ends_on, work_scope, deposit, deposit_state, house_status_before,
                        created_at, created_by)
                values (:id, :site, :house, :permit, :contractor, :phone, :workers, :count, :startsOn, :endsOn, :scope,
                        :deposit, 'HELD', :statusBefore, :now, :by)
                """)
                .param("id", id).param("site", house.siteId()).param("house", house.id()).param("permit", permitNo)
                .param("contractor", form.getContractor()).param("phone", form.getContractorPhone())
                .param("workers", String.join("\n", workers)).param("count", workers.size())
                .param("startsOn", form.getStartsOn()).param("endsOn", form.getEndsOn())
                .param("scope", form.getWorkScope()).param("deposit", form.getDeposit())
                .param("statusBefore", house.status().name()).param("now", Timestamp.from(dates.now()))
                .param("by", CurrentUser.username())
                .update();
        if (house.status() != HouseStatus.DECORATING) {
            records.setStatus(house.id(), HouseStatus.DECORATING);
        }
        records.addHistory(house.id(), HistoryKind.DECORATION, form.getStartsOn(), message("decoration.history.registered",
                permitNo, form.getContractor(), form.getStartsOn(), form.getEndsOn(), form.getWorkScope()));
        return id;
    }

    void inspect(long decorationId, InspectionForm form) {
        requireOpen(get(decorationId));
        jdbc.sql("""
                insert into decoration_inspection (decoration_id, inspected_at, inspector, finding, compliant, created_by)
                values (?, ?, ?, ?, ?, ?)
                """).params(decorationId, Timestamp.from(dates.now()), CurrentUser.displayName(), form.getFinding(),
                form.isCompliant(), CurrentUser.username()).update();
    }

    /**
     * Turns an inspection finding into a complaint about the house (category decoration, found on patrol), so that
     * putting it right is timed and called back like any other; the finding keeps the link. Once only.
     */
    long raiseRequest(long decorationId, long inspectionId) {
        Decoration decoration = get(decorationId);
        Inspection inspection = jdbc.sql("""
                select i.*, null as request_number from decoration_inspection i
                where i.id = ? and i.decoration_id = ? for update
                """).params(inspectionId, decorationId)
                .query((rs, row) -> new Inspection(rs.getLong("id"), rs.getTimestamp("inspected_at").toInstant(),
                        rs.getString("inspector"), rs.getString("finding"), rs.getBoolean("compliant"),
                        rs.getObject("request_id", Long.class), null))
                .optional().orElseThrow(() -> new NotFoundException("Inspection", inspectionId));
        if (inspection.compliant()) {
            throw new BusinessRuleException("decoration.error.nothingToRaise");
        }
        if (inspection.requestId() != null) {
            throw new BusinessRuleException("decoration.error.alreadyRaised");
        }
        long requestId = intake.receive(new RequestIntake.NewRequest(RequestKind.COMPLAINT, "DECORATION", Channel.PATROL,
                decoration.siteId(), null, decoration.houseId(), null, decoration.contractorPhone(),
                decoration.houseCode(), message("decoration.request.description", decoration.permitNo(),
                        decoration.contractor(), inspection.finding()), null));
        jdbc.sql("update decoration_inspection set request_id = ? where id = ?").params(requestId, inspectionId).update();
        return requestId;
    }

    void permitHotWork(long decorationId, HotWorkForm form) {
        Decoration decoration = requireOpen(get(decorationId));
        Instant startsAt = form.getStartsAt().atZone(dates.zone()).toInstant();
        Instant endsAt = form.getEndsAt().atZone(dates.zone()).toInstant();
        if (!endsAt.isAfter(startsAt)) {
            throw new BusinessRuleException("decoration.hotWork.error.endsBeforeStart");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_HOT_WORK) > 0) {
            throw new BusinessRuleException("decoration.hotWork.error.tooLong");
        }
        if (form.getStartsAt().toLocalDate().isBefore(decoration.startsOn())
                || form.getEndsAt().toLocalDate().isAfter(decoration.endsOn())) {
            throw new BusinessRuleException("decoration.hotWork.error.outsidePeriod");
        }
        jdbc.sql("""
                insert into decoration_hot_work (decoration_id, starts_at, ends_at, work_place, approver, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(decorationId, Timestamp.from(startsAt), Timestamp.from(endsAt), form.getWorkPlace(),
                form.getApprover(), Timestamp.from(dates.now()), CurrentUser.username()).update();
    }

    /**
     * Accepts the finished work and settles the deposit: refunded in full, or deducted in part or whole with a reason.
     * The house goes back to what it was once no other decoration of it is open.
     */
    void accept(long decorationId, DecorationAcceptanceForm form) {
        Decoration decoration = get(decorationId);
        if (form.deducts() && form.getDeduction().compareTo(decoration.deposit()) > 0) {
            throw new BusinessRuleException("decoration.error.deductionOverDeposit");
        }
        if (form.deducts() && form.getReason() == null) {
            throw new BusinessRuleException("decoration.error.reasonRequired");
        }
        DecorationDepositState state = form.deducts() ? DecorationDepositState.DEDUCTED : DecorationDepositState.REFUNDED;
        int accepted = jdbc.sql("""
                update decoration set accepted_on = :today, accepted_by = :by, deposit_state = :state,
                       deposit_deducted = :deducted, deposit_reason = :reason, version = version + 1
                where id = :id and accepted_on is null
                """).param("today", dates.today()).param("by", CurrentUser.displayName()).param("state", state.name())
                .param("deducted", form.deducts() ? form.getDeduction() : null)
                .param("reason", form.deducts() ? form.getReason() : null).param("id", decorationId).update();
        if (accepted == 0) {
            throw new BusinessRuleException("decoration.error.alreadyAccepted");
        }
        boolean othersOpen = jdbc.sql("select count(*) from decoration where house_id = ? and accepted_on is null")
                .params(decoration.houseId()).query(Long.class).single() > 0;
        HouseRef house = house(decoration.houseId());
        String statusBefore = jdbc.sql("select house_status_before from decoration where id = ?").params(decorationId)
                .query(String.class).single();
        if (!othersOpen && house.status() == HouseStatus.DECORATING) {
            records.setStatus(house.id(), HouseStatus.valueOf(statusBefore));
        }
        String deposit = form.deducts()
                ? message("decoration.history.deducted", form.getDeduction().toPlainString(), form.getReason())
                : message("decoration.history.refunded", decoration.deposit().toPlainString());
        records.addHistory(house.id(), HistoryKind.DECORATION, dates.today(),
                message("decoration.history.accepted", decoration.permitNo(), deposit));
    }

    private Decoration requireOpen(Decoration decoration) {
        if (decoration.accepted()) {
            throw new BusinessRuleException("decoration.error.accepted");
        }
        return decoration;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static Decoration decoration(ResultSet rs, int row) throws SQLException {
        return new Decoration(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"), rs.getLong("house_id"),
                rs.getString("house_code"), rs.getString("permit_no"), rs.getString("contractor"),
                rs.getString("contractor_phone"), rs.getString("workers"), rs.getInt("worker_count"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("work_scope"), rs.getBigDecimal("deposit"),
                DecorationDepositState.valueOf(rs.getString("deposit_state")), rs.getBigDecimal("deposit_deducted"),
                rs.getString("deposit_reason"), rs.getObject("accepted_on", LocalDate.class), rs.getString("accepted_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
