package org.propertydesk.requests;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.propertydesk.records.CareFlag;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Sites, houses, customers and people for the request tests, with unique codes and phone numbers (the tests share a
 * database), plus requests received and moved through the real {@link RequestService} as a given person.
 */
@Component
final class RequestsTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final RequestService requests;

    RequestsTestData(JdbcClient jdbc, RequestService requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    record Site(long id, String code) {
    }

    record House(long id, long siteId, String code) {
    }

    // Records

    Site site() {
        String code = "RQ" + unique();
        long id = jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '测试路 8 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "工单测试苑" + code).query(Long.class).single();
        return new Site(id, code);
    }

    House house(Site site) {
        String building = Long.toString(ThreadLocalRandom.current().nextLong(1, 99_999));
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", site.id()).param("code", building).query(Long.class).single();
        String code = building + "-1502";
        long id = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '1502', :code, 15, 89.50, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", site.id()).param("building", buildingId).param("code", code).query(Long.class).single();
        return new House(id, site.id(), code);
    }

    /** An owner living in the house, with one phone number nobody else has and the given care flags. */
    long ownerOf(House house, CareFlag... careFlags) {
        long id = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (:site, 'PERSON', :name, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).param("site", house.siteId()).param("name", "业主" + unique()).query(Long.class).single();
        jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, 0)")
                .params(id, uniqueMobile()).update();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', date '2020-01-01', true, now(), 'test', now(), 'test')
                """).params(id, house.id()).update();
        for (CareFlag flag : careFlags) {
            jdbc.sql("insert into customer_care_flag (customer_id, flag) values (?, ?)").params(id, flag.name()).update();
        }
        return id;
    }

    String phoneOf(long customerId) {
        return jdbc.sql("select number from customer_phone where customer_id = ? order by position limit 1")
                .params(customerId).query(String.class).single();
    }

    /** The site's own opening hours for one day of the week (days without hours are closed). */
    void openingHours(Site site, DayOfWeek day, String opens, String closes) {
        jdbc.sql("insert into business_hours (site_id, day_of_week, opens_at, closes_at) values (?, ?, ?, ?)")
                .params(site.id(), day.getValue(), LocalTime.parse(opens), LocalTime.parse(closes)).update();
    }

    void holiday(Site site, LocalDate day) {
        jdbc.sql("insert into holiday (site_id, day, name) values (?, ?, '测试假日')").params(site.id(), day).update();
    }

    /** A site's own targets for one kind and priority, overriding the company-wide policy. */
    void sitePolicy(Site site, RequestKind kind, Priority priority, int responseMinutes, Integer arrivalMinutes,
            int resolutionMinutes, boolean businessHours) {
        jdbc.sql("""
                insert into sla_policy (site_id, kind, priority, response_minutes, arrival_minutes, resolution_minutes, business_hours)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(site.id(), kind.name(), priority.name(), responseMinutes, arrivalMinutes, resolutionMinutes,
                businessHours).update();
    }

    long requestsAt(Site site) {
        return jdbc.sql("select count(*) from service_request where site_id = ?").params(site.id()).query(Long.class).single();
    }

    // People

    PropertyDeskUser frontDesk(Site... sites) {
        return person(Role.FRONT_DESK, "前台", sites);
    }

    PropertyDeskUser dispatcher(Site... sites) {
        return person(Role.DISPATCHER, "派单员", sites);
    }

    PropertyDeskUser technician(Site... sites) {
        return person(Role.TECHNICIAN, "维修工", sites);
    }

    private PropertyDeskUser reader;

    private synchronized PropertyDeskUser reader() {
        if (reader == null) {
            reader = admin();
        }
        return reader;
    }

    /** An administrator of every site. */
    PropertyDeskUser admin() {
        return person(Role.ADMIN, "管理员");
    }

    /**
     * A staff account as the login would load it. It is saved, because every page request checks that the logged-in
     * account still exists with the same roles and sites.
     */
    private PropertyDeskUser person(Role role, String name, Site... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-rq-" + SEQUENCE.incrementAndGet();
        String displayName = name + SEQUENCE.get();
        boolean allSites = sites.length == 0;
        long id = jdbc.sql("""
                insert into staff (username, display_name, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '{noop}x', true, ?, now(), 'test', now(), 'test') returning id
                """).params(username, displayName, allSites).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        for (Site site : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site.id()).update();
        }
        SiteScope scope = allSites ? SiteScope.all() : SiteScope.of(java.util.Arrays.stream(sites).map(Site::id).toList());
        return new PropertyDeskUser(id, username, displayName, "{noop}x", true, Set.of(role), scope);
    }

    /** Runs service code as this person (services read the current user from the security context). */
    static <T> T as(PropertyDeskUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(),
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    // Requests

    Intake repair(Site site) {
        return new Intake(RequestKind.REPAIR, site);
    }

    Intake inquiry(Site site) {
        return new Intake(RequestKind.INQUIRY, site).category("FEES");
    }

    Intake complaint(Site site) {
        return new Intake(RequestKind.COMPLAINT, site).category("NOISE");
    }

    ServiceRequest receive(PropertyDeskUser user, Intake intake) {
        return as(user, () -> requests.receive(intake.command()));
    }

    ServiceRequest act(PropertyDeskUser user, long id, RequestAction action, String note) {
        return as(user, () -> requests.act(id, action, note, null));
    }

    /** The request as its page loads it: category and timeline included. */
    ServiceRequest reload(long id) {
        return as(reader(), () -> requests.get(id));
    }

    /** What the front desk types in; by default a plumbing repair reported by phone in a common area. */
    final class Intake {

        private final RequestKind kind;
        private final Site site;
        private String category = "PLUMBING";
        private Priority priority;
        private Long houseId;
        private Long customerId;
        private String phone = "13912345678";
        private String location = "3 号楼大堂";
        private Instant preferredFrom;
        private Instant preferredTo;
        private Instant promisedAt;

        private Intake(RequestKind kind, Site site) {
            this.kind = kind;
            this.site = site;
        }

        Intake category(String code) {
            this.category = code;
            return this;
        }

        Intake priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        Intake in(House house) {
            this.houseId = house.id();
            this.location = null;
            return this;
        }

        Intake from(long customerId) {
            this.customerId = customerId;
            return this;
        }

        Intake preferredWindow(String from, String to) {
            this.preferredFrom = shanghai(from);
            this.preferredTo = shanghai(to);
            return this;
        }

        Intake promised(String at) {
            this.promisedAt = shanghai(at);
            return this;
        }

        IntakeCommand command() {
            return new IntakeCommand(kind, category, Channel.PHONE, site.id(), priority, null, houseId, customerId, phone,
                    location, "测试：" + kind + " " + category, preferredFrom, preferredTo, promisedAt);
        }
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.SHANGHAI).toInstant();
    }

    static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase();
    }

    static String uniqueMobile() {
        return "17" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }
}
