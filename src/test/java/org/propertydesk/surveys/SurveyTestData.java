package org.propertydesk.surveys;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses with the people living there, staff and questionnaires for the survey tests, each with unique codes
 * (the tests share a database). People are real staff rows: the page filter checks that the account exists.
 */
@Component
final class SurveyTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final Questionnaires questionnaires;

    SurveyTestData(JdbcClient jdbc, Questionnaires questionnaires) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
    }

    record House(long id, long siteId, String code, long ownerId, String ownerName) {
    }

    long site() {
        String code = "SV" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '满意路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "满意苑" + code).query(Long.class).single();
    }

    String siteName(long siteId) {
        return jdbc.sql("select name from site where id = ?").params(siteId).query(String.class).single();
    }

    /** A house with nobody living in it. */
    House emptyHouse(long siteId) {
        String building = "B" + unique().toUpperCase();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", building).query(Long.class).single();
        String code = building + "-1502";
        long id = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '1502', :code, 15, 89.50, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", siteId).param("building", buildingId).param("code", code).query(Long.class).single();
        return new House(id, siteId, code, 0, null);
    }

    /** A house where an owner lives now. */
    House household(long siteId) {
        House house = emptyHouse(siteId);
        String name = "业主" + unique();
        long owner = resident(house, name, null);
        return new House(house.id(), siteId, house.code(), owner, name);
    }

    /** Someone living in the house (until the end date, if any); returns the customer id. */
    long resident(House house, String name, LocalDate endDate) {
        long customer = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).params(house.siteId(), name).query(Long.class).single();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, end_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', date '2020-01-01', ?, true, now(), 'test', now(), 'test')
                """).params(customer, house.id(), endDate).update();
        return customer;
    }

    // People

    PropertyDeskUser frontDesk(long... sites) {
        return person(Role.FRONT_DESK, "前台", sites);
    }

    PropertyDeskUser manager(long... sites) {
        return person(Role.MANAGER, "经理", sites);
    }

    PropertyDeskUser person(Role role, String name, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-sv-" + unique();
        String displayName = name + SEQUENCE.incrementAndGet();
        boolean allSites = sites.length == 0;
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, ?, now(), 'test', now(), 'test') returning id
                """).params(username, displayName, allSites).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        for (long site : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site).update();
        }
        SiteScope scope = allSites ? SiteScope.all() : SiteScope.of(Arrays.stream(sites).boxed().toList());
        return new PropertyDeskUser(id, username, displayName, "{noop}x", true, Set.of(role), scope);
    }

    // Questionnaires

    /** A draft for the sites, from the given day for 30 days, with a rating question per line (required). */
    Questionnaire draft(PropertyDeskUser manager, LocalDate opensOn, List<Long> sites, ServiceLine... lines) {
        return Users.callAs(manager, () -> {
            QuestionnaireForm form = new QuestionnaireForm();
            form.setTitle("年度满意度调查 " + unique());
            form.setOpensOn(opensOn);
            form.setClosesOn(opensOn.plusDays(30));
            form.setSiteIds(new java.util.LinkedHashSet<>(sites));
            Questionnaire q = questionnaires.create(form);
            for (ServiceLine line : lines) {
                QuestionForm question = new QuestionForm();
                question.setKind(QuestionKind.RATING);
                question.setServiceLine(line);
                question.setText("您对" + line + "满意吗？");
                question.setRequired(true);
                questionnaires.addQuestion(q.getId(), question);
            }
            return questionnaires.get(q.getId());
        });
    }

    void addQuestion(PropertyDeskUser manager, long questionnaireId, QuestionKind kind, String text, boolean required,
            String options) {
        Users.runAs(manager, () -> {
            QuestionForm question = new QuestionForm();
            question.setKind(kind);
            question.setText(text);
            question.setRequired(required);
            question.setOptions(options);
            questionnaires.addQuestion(questionnaireId, question);
        });
    }

    Questionnaire open(PropertyDeskUser manager, long questionnaireId) {
        return Users.callAs(manager, () -> {
            questionnaires.open(questionnaireId);
            return questionnaires.get(questionnaireId);
        });
    }

    Questionnaire reload(PropertyDeskUser manager, long questionnaireId) {
        return Users.callAs(manager, () -> questionnaires.get(questionnaireId));
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
