package org.propertydesk.care;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records for the care tests, written straight to the tables the target group is read from: sites, buildings,
 * houses, people with their value tier, disposition, birthday and care flags, and who lives where since when. Every
 * site, code and phone number is unique (the tests share a database).
 */
@Component
final class CareProgrammeTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    CareProgrammeTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long site() {
        String code = "CA" + RecordsFixtures.unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (?, ?, '关怀路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).params(code, "关怀苑" + code).query(Long.class).single();
    }

    long building(long siteId, String code) {
        return jdbc.sql("""
                insert into building (site_id, code, name, floors, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, 18, now(), 'test', now(), 'test') returning id
                """).params(siteId, code, code + "号楼").query(Long.class).single();
    }

    long house(long siteId, long buildingId, String code) {
        return jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, 1, 89.50, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test') returning id
                """).params(siteId, buildingId, code.substring(code.indexOf('-') + 1), code).query(Long.class).single();
    }

    /** A person registered at the site with a mobile number, living nowhere yet. */
    long person(long siteId, String name, String valueTier, String disposition, LocalDate birthday, String... careFlags) {
        long id = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, disposition, birthday,
                                      created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, ?, ?, ?, now(), 'test', now(), 'test') returning id
                """).params(siteId, name, valueTier, disposition, birthday).query(Long.class).single();
        for (String flag : careFlags) {
            jdbc.sql("insert into customer_care_flag (customer_id, flag) values (?, ?)").params(id, flag).update();
        }
        jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, 0)")
                .params(id, RecordsFixtures.uniqueMobile()).update();
        return id;
    }

    void livesIn(long customerId, long houseId, String role, boolean primary, LocalDate since) {
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, now(), 'test', now(), 'test')
                """).params(customerId, houseId, role, since, primary).update();
    }

    void movedOut(long customerId, long houseId, LocalDate on) {
        jdbc.sql("update occupancy set end_date = ? where customer_id = ? and house_id = ?").params(on, customerId, houseId)
                .update();
    }

    /** The houses of a programme's round with the person to contact, as "house code: name", by house code. */
    List<String> households(long programmeId, LocalDate round) {
        return jdbc.sql("""
                select h.code || ': ' || c.name from care_task t join house h on h.id = t.house_id
                join customer c on c.id = t.customer_id
                where t.programme_id = ? and t.round_start = ? order by h.code
                """).params(programmeId, round).query(String.class).list();
    }

    /** The names of the site's programmes, alphabetically. */
    List<String> programmes(long siteId) {
        return jdbc.sql("select name from care_programme where site_id = ? order by name").params(siteId)
                .query(String.class).list();
    }

    /** The site's shipped programme with this key. */
    long programme(long siteId, String defaultKey) {
        return jdbc.sql("select id from care_programme where site_id = ? and default_key = ?").params(siteId, defaultKey)
                .query(Long.class).single();
    }

    long task(long programmeId, LocalDate round, String houseCode) {
        return jdbc.sql("""
                select t.id from care_task t join house h on h.id = t.house_id
                where t.programme_id = ? and t.round_start = ? and h.code = ?
                """).params(programmeId, round, houseCode).query(Long.class).single();
    }

    String taskStatus(long taskId) {
        return jdbc.sql("select status from care_task where id = ?").params(taskId).query(String.class).single();
    }

    List<String> communications(long customerId) {
        return jdbc.sql("select channel || ' ' || direction || ' ' || summary from communication where customer_id = ? order by id")
                .params(customerId).query(String.class).list();
    }

    /** A rated repair of the house, requested by the customer, rated at this Shanghai time. */
    void ratedRequest(long siteId, long houseId, long customerId, int overall, String ratedAt) {
        Timestamp at = Timestamp.from(LocalDateTime.parse(ratedAt).atZone(MutableClock.SHANGHAI).toInstant());
        long request = jdbc.sql("""
                insert into service_request (number, kind, category_id, scope, priority, channel, status, site_id,
                    house_id, customer_id, description, received_at, resolved_at, closed_at, clock_started_at,
                    due_acknowledge_at, due_resolve_at, risk_acknowledge_at, risk_resolve_at,
                    created_at, created_by, updated_at, updated_by)
                values (?, 'REPAIR', (select id from request_category order by id limit 1), 'PREMISES', 'NORMAL', 'PHONE',
                    'CLOSED', ?, ?, ?, '关怀测试报修', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')
                returning id
                """).params("CA" + RecordsFixtures.unique() + SEQUENCE.incrementAndGet(), siteId, houseId, customerId,
                at, at, at, at, at, at, at, at, at, at).query(Long.class).single();
        jdbc.sql("""
                insert into request_rating (request_id, site_id, overall, channel, rated_at, recorded_by)
                values (?, ?, ?, 'PORTAL', ?, 'owner')
                """).params(request, siteId, overall, at).update();
    }
}
