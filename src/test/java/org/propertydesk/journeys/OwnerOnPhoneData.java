package org.propertydesk.journeys;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sites of their own for the owner's journey: households living there (a customer with a mobile number, owner of a
 * house since 2020), the staff who serve the site with the demo password, an urgent notice and an open questionnaire.
 * Codes, names and phone numbers are unique, since the journeys share one database with the demo data.
 */
final class OwnerOnPhoneData {

    static final String PASSWORD = "demo";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final StaffService staff;
    private final OwnerAccounts ownerAccounts;

    OwnerOnPhoneData(JdbcClient jdbc, StaffService staff, OwnerAccounts ownerAccounts) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.ownerAccounts = ownerAccounts;
    }

    record Site(long id, String code, String name) {
    }

    record Household(long customerId, long houseId, String houseCode, String name, String mobile) {
    }

    record Technician(long staffId, String username, String name) {
    }

    record Survey(long id, String title, long questionId) {
    }

    Site site() {
        String code = "OP" + unique();
        String name = "业主旅程苑" + code;
        long id = jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '业主路 5 号', 'RESIDENTIAL', now(), 'journey', now(), 'journey') returning id
                """).param("code", code).param("name", name).query(Long.class).single();
        return new Site(id, code, name);
    }

    /** A house in a new building of the site, owned since 2020 by a person with one mobile number. */
    Household household(Site site) {
        String building = "B" + unique().toUpperCase();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'journey', now(), 'journey') returning id
                """).param("site", site.id()).param("code", building).query(Long.class).single();
        String houseCode = building + "-1502";
        long houseId = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '1502', :code, 15, 89.50, 'RESIDENTIAL', 'OCCUPIED',
                        now(), 'journey', now(), 'journey')
                returning id
                """).param("site", site.id()).param("building", buildingId).param("code", houseCode)
                .query(Long.class).single();
        String name = "业主" + unique();
        long customerId = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, 'ORDINARY', now(), 'journey', now(), 'journey') returning id
                """).params(site.id(), name).query(Long.class).single();
        String mobile = "16" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, 0)")
                .params(customerId, mobile).update();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', date '2020-01-01', true, now(), 'journey', now(), 'journey')
                """).params(customerId, houseId).update();
        return new Household(customerId, houseId, houseCode, name, mobile);
    }

    /** The household's portal account made directly, as the demo data makes them; returns the login name. */
    String ownerAccount(Household household) {
        String username = "owner-op-" + unique();
        ownerAccounts.ensureAccount(household.customerId(), username, PASSWORD);
        return username;
    }

    /** A member of staff serving only the site; returns the username. */
    String staffOf(Site site, Role role) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + site.code().toLowerCase();
        staff.ensureAccount(username, "员工" + site.code(), PASSWORD, EnumSet.of(role), false, List.of(site.id()));
        return username;
    }

    /** A plumber serving only the site. */
    Technician plumberOf(Site site) {
        String username = "tech-" + site.code().toLowerCase();
        String name = "王师傅" + site.code();
        staff.ensureAccount(username, name, PASSWORD, EnumSet.of(Role.TECHNICIAN), false, List.of(site.id()));
        long staffId = jdbc.sql("select id from staff where username = ?").params(username).query(Long.class).single();
        jdbc.sql("""
                insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                values (?, now(), 'journey', now(), 'journey')
                """).params(staffId).update();
        jdbc.sql("insert into technician_skill (staff_id, skill) values (?, 'PLUMBING')").params(staffId).update();
        return new Technician(staffId, username, name);
    }

    /** An urgent notice for the site, current since an hour ago, as the property office publishes it. */
    long urgentNotice(Site site, String title, Instant now) {
        long id = jdbc.sql("""
                insert into notice (title, body, urgent, valid_from, valid_until, published_by_name,
                                    created_at, created_by, updated_at, updated_by)
                values (?, ?, true, ?, ?, '物业服务中心', now(), 'journey', now(), 'journey') returning id
                """).params(title, "各位业主：\n\n明天 9:00–17:00 二次供水设备检修，全楼停水。\n请提前储水。",
                        Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now.plus(Duration.ofDays(2))))
                .query(Long.class).single();
        jdbc.sql("insert into notice_site (notice_id, site_id) values (?, ?)").params(id, site.id()).update();
        return id;
    }

    boolean noticeRead(long noticeId, long customerId) {
        return jdbc.sql("select count(*) from notice_read where notice_id = ? and customer_id = ?")
                .params(noticeId, customerId).query(Long.class).single() == 1;
    }

    /** A questionnaire open since yesterday for two weeks at the site, one household answer each, one rating question. */
    Survey openSurvey(Site site, LocalDate today) {
        String title = "维修服务满意度调查 " + site.code();
        long id = jdbc.sql("""
                insert into questionnaire (title, intro, opens_on, closes_on, status, opened_at,
                                           created_at, created_by, updated_at, updated_by)
                values (?, '请为近期的维修服务打分。', ?, ?, 'OPEN', now(), now(), 'journey', now(), 'journey') returning id
                """).params(title, today.minusDays(1), today.plusDays(14)).query(Long.class).single();
        jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)").params(id, site.id()).update();
        long questionId = jdbc.sql("""
                insert into survey_question (questionnaire_id, position, kind, text, service_line, required)
                values (?, 1, 'RATING', '您对维修服务满意吗？', 'REPAIRS', true) returning id
                """).params(id).query(Long.class).single();
        return new Survey(id, title, questionId);
    }

    /** The rating the house gave the question in its survey answer, if it answered. */
    Integer surveyRating(Survey survey, long houseId) {
        return jdbc.sql("""
                select a.rating from survey_answer a join survey_response r on r.id = a.response_id
                where r.questionnaire_id = ? and r.house_id = ? and a.question_id = ?
                """).params(survey.id(), houseId, survey.questionId()).query(Integer.class).optional().orElse(null);
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
