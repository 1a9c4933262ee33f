package org.propertydesk.affairs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.propertydesk.records.Handovers;
import org.propertydesk.records.Handovers.HouseRef;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parking spaces per site and the households holding them, with the leases about to end so that the front desk
 * reminds the holder in time.
 */
@Service
@Transactional
class ParkingService {

    static final int PAGE_SIZE = 20;

    /** How far ahead the front desk looks for leases to remind about. */
    static final int REMINDER_DAYS = 30;

    private static final String ASSIGNMENT = """
            select a.*, p.number as space_number, p.space_type, p.site_id, s.name as site_name, c.name as customer_name,
                   h.code as house_code
            from parking_assignment a join parking_space p on p.id = a.space_id join site s on s.id = p.site_id
            join customer c on c.id = a.customer_id join house h on h.id = a.house_id
            """;

    private final JdbcClient jdbc;
    private final Handovers records;
    private final Dates dates;

    ParkingService(JdbcClient jdbc, Handovers records, Dates dates) {
        this.jdbc = jdbc;
        this.records = records;
        this.dates = dates;
    }

    record Assignment(long id, long spaceId, String spaceNumber, ParkingSpaceType spaceType, long siteId,
            String siteName, long customerId, String customerName, long houseId, String houseCode, String plateNumbers,
            LocalDate startsOn, LocalDate endsOn) {

        public long daysLeft(LocalDate today) {
            return ChronoUnit.DAYS.between(today, endsOn);
        }

        public boolean current(LocalDate today) {
            return !startsOn.isAfter(today) && (endsOn == null || !endsOn.isBefore(today));
        }
    }

    /** A space with whoever holds it today, if anyone. */
    record Space(long id, long siteId, String siteName, String number, ParkingSpaceType type, String location,
            String holderName, String holderHouseCode, Long holderHouseId, String holderPlates, LocalDate holderUntil) {

        public boolean taken() {
            return holderName != null;
        }
    }

    @Transactional(readOnly = true)
    Page<Space> list(Long siteId, String number, int page) {
        SiteScope scope = visibleScope(siteId);
        String prefix = number == null || number.isBlank() ? null
                : number.strip().toUpperCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = """
                where (:all or p.site_id in (:ids)) and (cast(:site as bigint) is null or p.site_id = :site)
                  and (cast(:prefix as varchar) is null or p.number like :prefix)
                """;
        long total = jdbc.sql("select count(*) from parking_space p " + where).param("all", scope.allSites())
                .param("ids", scope.idsForQuery()).param("site", siteId).param("prefix", prefix)
                .query(Long.class).single();
        List<Space> rows = jdbc.sql("""
                select p.*, s.name as site_name, cur.customer_name, cur.house_code, cur.house_id, cur.plate_numbers,
                       cur.ends_on
                from parking_space p join site s on s.id = p.site_id
                left join lateral (
                    select c.name as customer_name, h.code as house_code, h.id as house_id, a.plate_numbers, a.ends_on
                    from parking_assignment a join customer c on c.id = a.customer_id join house h on h.id = a.house_id
                    where a.space_id = p.id and a.starts_on <= :today and (a.ends_on is null or a.ends_on >= :today)
                    limit 1) cur on true
                """ + where + " order by s.code, p.number limit :limit offset :offset")
                .param("all", scope.allSites()).param("ids", scope.idsForQuery()).param("site", siteId)
                .param("prefix", prefix).param("today", dates.today()).param("limit", PAGE_SIZE)
                .param("offset", (long) page * PAGE_SIZE)
                .query(ParkingService::space).list();
        return new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total);
    }

    @Transactional(readOnly = true)
    Space get(long id) {
        Space space = jdbc.sql("""
                select p.*, s.name as site_name, null::varchar as customer_name, null::varchar as house_code,
                       null::bigint as house_id, null::varchar as plate_numbers, null::date as ends_on
                from parking_space p join site s on s.id = p.site_id where p.id = ?
                """).params(id).query(ParkingService::space).optional()
                .orElseThrow(() -> new NotFoundException("ParkingSpace", id));
        if (!CurrentUser.siteScope().includes(space.siteId())) {
            throw new NotFoundException("ParkingSpace", id);
        }
        return space;
    }

    @Transactional(readOnly = true)
    boolean numberTaken(long siteId, String number) {
        return jdbc.sql("select count(*) from parking_space where site_id = ? and number = ?").params(siteId, number)
                .query(Long.class).single() > 0;
    }

    long create(ParkingSpaceForm form) {
        if (!CurrentUser.siteScope().includes(form.getSiteId())) {
            throw new NotFoundException("Site", form.getSiteId());
        }
        if (numberTaken(form.getSiteId(), form.getNumber())) {
            throw new BusinessRuleException("parking.error.numberTaken", form.getNumber());
        }
        return jdbc.sql("""
                insert into parking_space (site_id, number, space_type, location, created_at, created_by)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(form.getSiteId(), form.getNumber(), form.getType().name(), form.getLocation(),
                Timestamp.from(dates.now()), CurrentUser.username()).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    List<Assignment> assignments(long spaceId) {
        get(spaceId);
        return jdbc.sql(ASSIGNMENT + " where a.space_id = ? order by a.starts_on desc, a.id desc").params(spaceId)
                .query(ParkingService::assignment).list();
    }

    @Transactional(readOnly = true)
    List<Assignment> forHouse(long houseId) {
        records.house(houseId).orElseThrow(() -> new NotFoundException("House", houseId));
        return jdbc.sql(ASSIGNMENT + " where a.house_id = ? order by a.starts_on desc, a.id desc").params(houseId)
                .query(ParkingService::assignment).list();
    }

    @Transactional(readOnly = true)
    HouseRef house(long houseId) {
        return records.house(houseId).orElseThrow(() -> new NotFoundException("House", houseId));
    }

    /**
     * Gives the space to a household for the dates. Visitor spaces are never assigned, a lease must say when it
     * ends, and a space is held by one household at a time.
     */
    long assign(long spaceId, HouseRef house, long customerId, ParkingAssignmentForm form) {
        Space space = get(spaceId);
        if (space.type() == ParkingSpaceType.VISITOR) {
            throw new BusinessRuleException("parking.error.visitorSpace");
        }
        if (house.siteId() != space.siteId()) {
            throw new BusinessRuleException("parking.error.otherSite");
        }
        if (space.type() == ParkingSpaceType.LEASED && form.getEndsOn() == null) {
            throw new BusinessRuleException("parking.error.leaseNeedsEnd");
        }
        if (form.getEndsOn() != null && form.getEndsOn().isBefore(form.getStartsOn())) {
            throw new BusinessRuleException("parking.error.endsBeforeStart");
        }
        jdbc.sql("select id from parking_space where id = ? for update").params(spaceId).query(Long.class).single();
        boolean overlaps = jdbc.sql("""
                select count(*) from parking_assignment where space_id = :space
                and daterange(starts_on, ends_on, '[]') && daterange(cast(:startsOn as date), cast(:endsOn as date), '[]')
                """).param("space", spaceId).param("startsOn", form.getStartsOn()).param("endsOn", form.getEndsOn())
                .query(Long.class).single() > 0;
        if (overlaps) {
            throw new BusinessRuleException("parking.error.overlap");
        }
        return jdbc.sql("""
                insert into parking_assignment (space_id, customer_id, house_id, plate_numbers, starts_on, ends_on,
                                                created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(spaceId, customerId, house.id(), String.join(",", form.plates()), form.getStartsOn(),
                form.getEndsOn(), Timestamp.from(dates.now()), CurrentUser.username()).query(Long.class).single();
    }

    /** Leases of the sites the user serves ending between today and {@value #REMINDER_DAYS} days from now, soonest first. */
    @Transactional(readOnly = true)
    Page<Assignment> leasesEnding(Long siteId, int page) {
        SiteScope scope = visibleScope(siteId);
        LocalDate today = dates.today();
        String where = """
                where p.space_type = 'LEASED' and a.ends_on between :today and :until
                  and (:all or p.site_id in (:ids)) and (cast(:site as bigint) is null or p.site_id = :site)
                """;
        long total = jdbc.sql("select count(*) from parking_assignment a join parking_space p on p.id = a.space_id "
                        + where).param("today", today).param("until", today.plusDays(REMINDER_DAYS))
                .param("all", scope.allSites()).param("ids", scope.idsForQuery()).param("site", siteId)
                .query(Long.class).single();
        List<Assignment> rows = jdbc.sql(ASSIGNMENT + where + " order by a.ends_on, p.number limit :limit offset :offset")
                .param("today", today).param("until", today.plusDays(REMINDER_DAYS)).param("all", scope.allSites())
                .param("ids", scope.idsForQuery()).param("site", siteId).param("limit", PAGE_SIZE)
                .param("offset", (long) page * PAGE_SIZE).query(ParkingService::assignment).list();
        return new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total);
    }

    private static SiteScope visibleScope(Long siteId) {
        SiteScope scope = CurrentUser.siteScope();
        if (siteId != null && !scope.includes(siteId)) {
            throw new NotFoundException("Site", siteId);
        }
        return scope;
    }

    private static Space space(ResultSet rs, int row) throws SQLException {
        return new Space(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"), rs.getString("number"),
                ParkingSpaceType.valueOf(rs.getString("space_type")), rs.getString("location"),
                rs.getString("customer_name"), rs.getString("house_code"), rs.getObject("house_id", Long.class),
                rs.getString("plate_numbers"), rs.getObject("ends_on", LocalDate.class));
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getLong("id"), rs.getLong("space_id"), rs.getString("space_number"),
                ParkingSpaceType.valueOf(rs.getString("space_type")), rs.getLong("site_id"), rs.getString("site_name"),
                rs.getLong("customer_id"), rs.getString("customer_name"), rs.getLong("house_id"),
                rs.getString("house_code"), rs.getString("plate_numbers"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class));
    }
}
