package org.propertydesk.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.support.Users;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A site with one record of every kind a staff route takes the id of, made the way the site's own staff make them
 * (their pages, the intake, the services) or, where no page makes them in one step, as rows like those the pages
 * write. Codes and names are unique: the tests share a database.
 */
final class SiteRecords {

    /** What a staff route's path variable can name on a site. */
    enum Kind {
        SITE, HOUSE, CUSTOMER, OCCUPANCY, REQUEST, ATTACHMENT, WORK_ORDER, WORK_ORDER_PHOTO, CALLBACK, NOTICE,
        QUESTIONNAIRE, DRAFT_QUESTIONNAIRE, QUESTION, IMPROVEMENT, CARE_PROGRAMME, CARE_TASK, ACTIVITY, INCIDENT, MOVE_IN, DECORATION,
        INSPECTION, PARKING_SPACE, RELEASE_PASS, PASS_NUMBER, REPORT_POINT, TECHNICIAN, TEAM, DISPATCH_RULE, SHIFT,
        SLA_POLICY, HOLIDAY, NOTIFICATION
    }

    /** The site's staff, real accounts serving only this site; and what is on it, by kind. */
    record Site(long id, Map<Role, PropertyDeskUser> staff, Map<Kind, String> records) {

        PropertyDeskUser as(Role role) {
            return staff.get(role);
        }

        String of(Kind kind) {
            return records.get(kind);
        }

        long id(Kind kind) {
            return Long.parseLong(records.get(kind));
        }
    }

    /** What the site's release pass lets out: the gate must never show it to another site's staff. */
    static final String PASS_ITEMS = "沙发一套";

    static final List<Role> SITE_ROLES = List.of(Role.MANAGER, Role.FRONT_DESK, Role.DISPATCHER, Role.TECHNICIAN);

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final RecordsFixtures fixtures;
    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final RequestIntake intake;
    private final Notifications notifications;
    private final Dates dates;

    SiteRecords(ApplicationContext context, MockMvc mvc) {
        this.fixtures = new RecordsFixtures(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.intake = context.getBean(RequestIntake.class);
        this.notifications = context.getBean(Notifications.class);
        this.dates = context.getBean(Dates.class);
        this.mvc = mvc;
    }

    /** A site with its staff and nothing else on it. */
    Site emptySite() {
        long site = fixtures.site().id();
        Map<Role, PropertyDeskUser> staff = new EnumMap<>(Role.class);
        for (Role role : SITE_ROLES) {
            staff.put(role, person(role, site));
        }
        Map<Kind, String> records = new EnumMap<>(Kind.class);
        records.put(Kind.SITE, String.valueOf(site));
        return new Site(site, staff, records);
    }

    /** A site with its staff and one record of every kind. */
    Site siteWithEverything() throws Exception {
        spreadIds();
        Site site = emptySite();
        long id = site.id();
        Map<Kind, String> records = site.records();
        PropertyDeskUser manager = site.as(Role.MANAGER);
        PropertyDeskUser desk = site.as(Role.FRONT_DESK);
        PropertyDeskUser dispatcher = site.as(Role.DISPATCHER);
        PropertyDeskUser technician = site.as(Role.TECHNICIAN);
        LocalDate today = LocalDate.now(dates.zone());

        long house = fixtures.house(id, "1", "1", "0101");
        long customer = fixtures.customerIn(house, "业主" + RecordsFixtures.unique());
        put(records, Kind.HOUSE, house);
        put(records, Kind.CUSTOMER, customer);
        put(records, Kind.OCCUPANCY, fixtures.occupancyId(customer, house));
        put(records, Kind.TECHNICIAN, technician.id());

        // A repair with a photo the desk took, sent to the site's technician, who took a photo on arrival.
        long request = Users.callAs(desk, () -> intake.receive(new RequestIntake.NewRequest(RequestKind.REPAIR,
                "PLUMBING", Channel.PHONE, id, Priority.NORMAL, house, customer, "13800000000", null, "厨房水管漏水",
                null)));
        Users.runAs(desk, () -> intake.act(request, "acknowledge", null));
        put(records, Kind.REQUEST, request);
        perform(multipart("/requests/{id}/attachments", request).file(photo("files")), desk);
        put(records, Kind.ATTACHMENT, single("select id from request_attachment where request_id = ?", request));
        perform(post("/dispatch/requests/{id}/work-orders", request).param("technicianId", String.valueOf(technician.id()))
                .param("expectedActive", "0"), dispatcher);
        long workOrder = single("select id from work_order where request_id = ?", request);
        put(records, Kind.WORK_ORDER, workOrder);
        perform(post("/work/{id}/accept", workOrder), technician);
        perform(post("/work/{id}/arrive", workOrder), technician);
        perform(multipart("/work/{id}/photos", workOrder).file(photo("photos")).param("stage", "BEFORE"), technician);
        put(records, Kind.WORK_ORDER_PHOTO, single("select id from work_order_photo where work_order_id = ?", workOrder));
        jdbc.sql("""
                insert into request_rating (request_id, site_id, overall, channel, rated_at, recorded_by)
                values (?, ?, 5, 'STAFF', now(), ?)
                """).params(request, id, desk.getUsername()).update();

        // A repair done by hand, waiting for its callback.
        long done = Users.callAs(desk, () -> intake.receive(new RequestIntake.NewRequest(RequestKind.REPAIR,
                "PLUMBING", Channel.PHONE, id, Priority.NORMAL, house, customer, "13800000000", null, "卫生间灯不亮",
                null)));
        for (String action : List.of("acknowledge", "dispatch", "arrive", "resolve")) {
            Users.runAs(desk, () -> intake.act(done, action, null));
        }
        put(records, Kind.CALLBACK, single("select id from callback where request_id = ?", done));

        String notice = perform(post("/notices").param("title", "停水通知").param("body", "周二停水")
                .param("validFrom", "2020-01-01T08:00").param("siteIds", String.valueOf(id)).param("urgent", "true"), manager);
        records.put(Kind.NOTICE, notice.substring(notice.lastIndexOf('/') + 1));
        put(records, Kind.NOTIFICATION, notification(manager, "/requests/" + request));

        long questionnaire = single("""
                insert into questionnaire (title, opens_on, closes_on, status, opened_at,
                                           created_at, created_by, updated_at, updated_by)
                values (?, current_date - 1, current_date + 30, 'OPEN', now(), now(), 'test', now(), 'test')
                returning id
                """, "满意度调查" + unique());
        jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)").params(questionnaire, id)
                .update();
        put(records, Kind.QUESTIONNAIRE, questionnaire);
        jdbc.sql("""
                insert into survey_question (questionnaire_id, position, kind, text, service_line, required)
                values (?, 1, 'RATING', '您对维修服务满意吗？', 'REPAIRS', true)
                """).params(questionnaire).update();
        long draft = single("""
                insert into questionnaire (title, opens_on, closes_on, status, created_at, created_by, updated_at, updated_by)
                values (?, current_date + 30, current_date + 60, 'DRAFT', now(), 'test', now(), 'test') returning id
                """, "年度调查草稿" + unique());
        jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)").params(draft, id).update();
        put(records, Kind.DRAFT_QUESTIONNAIRE, draft);
        put(records, Kind.QUESTION, single("""
                insert into survey_question (questionnaire_id, position, kind, text, service_line, required)
                values (?, 1, 'RATING', '您对保洁服务满意吗？', 'CLEANING', true) returning id
                """, draft));
        put(records, Kind.IMPROVEMENT, single("""
                insert into improvement_task (questionnaire_id, site_id, service_line, index_value, status,
                                              created_at, created_by, updated_at, updated_by)
                values (?, ?, 'REPAIRS', 62.5, 'OPEN', now(), 'test', now(), 'test') returning id
                """, questionnaire, id));

        long programme = single("""
                insert into care_programme (site_id, name, kind, repeat_mode, starts_on,
                                            created_at, created_by, updated_at, updated_by)
                values (?, ?, 'CALL', 'ONCE', current_date, now(), 'test', now(), 'test') returning id
                """, id, "独居老人电话关怀" + unique());
        put(records, Kind.CARE_PROGRAMME, programme);
        put(records, Kind.CARE_TASK, single("""
                insert into care_task (programme_id, site_id, round_start, house_id, customer_id, created_at)
                values (?, ?, current_date, ?, ?, now()) returning id
                """, programme, id, house, customer));
        put(records, Kind.ACTIVITY, single("""
                insert into activity (site_id, title, starts_at, ends_at, held_on, place, capacity,
                                      created_at, created_by, updated_at, updated_by)
                values (?, ?, now() + interval '7 days', now() + interval '7 days 2 hours',
                        current_date + 7, '会所多功能厅', 30, now(), 'test', now(), 'test') returning id
                """, id, "中秋游园会" + unique()));

        perform(post("/incidents").param("siteId", String.valueOf(id)).param("kind", "POWER_OUTAGE")
                .param("severity", "MAJOR").param("title", "全小区停电"), manager);
        put(records, Kind.INCIDENT, single("select max(id) from incident where site_id = ?", id));

        put(records, Kind.MOVE_IN, single("""
                insert into move_in_handover (site_id, house_id, customer_id, occupancy_role, handover_date, documents,
                                              keys_handed, water_reading, electricity_reading, confirmed_by_name,
                                              created_at, created_by)
                values (?, ?, ?, 'OWNER', current_date, 'ID_CARD', 2, 12.00, 340.00, '业主', now(), 'test')
                returning id
                """, id, house, customer));
        String decoration = perform(post("/affairs/decorations/houses/{house}", house).param("contractor", "安居装饰")
                .param("contractorPhone", "138 0013 8000").param("workers", "张师傅\n李师傅\n")
                .param("startsOn", today.toString()).param("endsOn", today.plusDays(60).toString())
                .param("workScope", "厨卫翻新").param("deposit", "5000"), desk);
        long decorationId = Long.parseLong(decoration.substring(decoration.lastIndexOf('/') + 1));
        put(records, Kind.DECORATION, decorationId);
        perform(post("/affairs/decorations/{id}/inspections", decorationId).param("finding", "楼道堆放建筑垃圾"), desk);
        put(records, Kind.INSPECTION, single("select id from decoration_inspection where decoration_id = ?", decorationId));

        perform(post("/affairs/parking").param("siteId", String.valueOf(id)).param("number", "P-" + unique())
                .param("type", "LEASED").param("location", "地下一层"), desk);
        put(records, Kind.PARKING_SPACE, single("select id from parking_space where site_id = ?", id));
        perform(post("/passes").param("houseId", String.valueOf(house)).param("requesterId", String.valueOf(customer))
                .param("items", PASS_ITEMS).param("passDate", today.toString()).param("vehiclePlate", "沪A12345"), desk);
        put(records, Kind.RELEASE_PASS, single("select id from release_pass where house_id = ?", house));
        records.put(Kind.PASS_NUMBER, jdbc.sql("select number from release_pass where house_id = ?").params(house)
                .query(String.class).single());
        perform(post("/report-points/sites/{site}", id).param("name", "地下车库B1"), manager);
        put(records, Kind.REPORT_POINT, single("select id from report_point where site_id = ?", id));
        jdbc.sql("""
                insert into fee_bill (site_id, house_id, fee_item, period, amount_due, amount_paid, due_date,
                                      imported_at, imported_by)
                values (?, ?, '物业费', '2026-Q1', 900.00, 0, current_date - 30, now(), 'test')
                """).params(id, house).update();

        put(records, Kind.TEAM, single("""
                insert into team (name, site_id, active, created_at, created_by, updated_at, updated_by)
                values (?, ?, true, now(), 'test', now(), 'test') returning id
                """, "水电班" + unique(), id));
        put(records, Kind.DISPATCH_RULE, single("""
                insert into dispatch_rule (site_id, category_id, accept_minutes, enabled,
                                           created_at, created_by, updated_at, updated_by)
                values (?, (select id from request_category where code = 'ELEVATOR'), 30, false,
                        now(), 'test', now(), 'test') returning id
                """, id));
        put(records, Kind.SHIFT, single("""
                insert into duty_shift (staff_id, starts_at, ends_at, emergency, created_at, created_by)
                values (?, now() + interval '30 days', now() + interval '30 days 8 hours', false, now(), 'test')
                returning id
                """, technician.id()));
        put(records, Kind.SLA_POLICY, single("""
                insert into sla_policy (site_id, kind, priority, response_minutes, arrival_minutes, resolution_minutes,
                                        business_hours)
                values (?, 'COMPLAINT', 'LOW', 1440, null, 4320, false) returning id
                """, id));
        put(records, Kind.HOLIDAY, single("""
                insert into holiday (site_id, day, name) values (?, current_date + 200, '小区庆典') returning id
                """, id));
        jdbc.sql("""
                insert into callback_setting (site_id, repair_sample_percent, created_at, created_by, updated_at, updated_by)
                values (?, 100, now(), 'test', now(), 'test')
                """).params(id).update();
        return site;
    }

    /**
     * Every row that is the site's, as text, by where it was found: rows of tables with a site column, the rows that
     * hang off them (a request's timeline, a customer's phones), the rows they point to (a notice of the site, the
     * staff serving it) and what hangs off those through the site link tables (a notice's reads, a questionnaire's
     * questions), and the notifications of the site's staff. Found from the schema, so a table added later is
     * covered. What a refused call must leave exactly as it was.
     */
    Map<String, List<String>> footprint(long siteId) {
        List<String> siteTables = jdbc.sql("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and c.column_name = 'site_id' and t.table_type = 'BASE TABLE'
                order by c.table_name
                """).query(String.class).list();
        List<ForeignKey> keys = jdbc.sql("""
                select child.relname as child, col.attname as col, parent.relname as parent
                from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_class parent on parent.oid = k.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                join pg_attribute col on col.attrelid = k.conrelid and col.attnum = k.conkey[1]
                where k.contype = 'f' and n.nspname = current_schema() and cardinality(k.conkey) = 1
                order by 1, 2, 3
                """).query(ForeignKey.class).list();
        Map<String, List<String>> rows = new TreeMap<>();
        rows.put("site", rows("select t::text from site t where t.id = ?", siteId));
        for (String table : siteTables) {
            rows.put(table, rows("select t::text from " + table + " t where t.site_id = ?", siteId));
        }
        for (ForeignKey key : keys) {
            if (siteTables.contains(key.parent()) && !key.parent().equals("site")) {
                rows.put(key.child() + "." + key.col() + " -> " + key.parent(), rows("select t::text from " + key.child()
                        + " t where t." + key.col() + " in (select id from " + key.parent() + " where site_id = ?)", siteId));
            }
            if (siteTables.contains(key.child()) && !key.parent().equals("site")) {
                rows.put(key.parent() + " <- " + key.child() + "." + key.col(), rows("select t::text from " + key.parent()
                        + " t where t.id in (select " + key.col() + " from " + key.child() + " where site_id = ?)", siteId));
            }
            if (key.child().endsWith("_site") && !key.parent().equals("site")) {
                for (ForeignKey next : keys) {
                    if (next.parent().equals(key.parent()) && !next.child().equals(key.child())) {
                        rows.put(next.child() + "." + next.col() + " -> " + key.parent() + " <- " + key.child(),
                                rows("select t::text from " + next.child() + " t where t." + next.col() + " in (select "
                                        + key.col() + " from " + key.child() + " where site_id = ?)", siteId));
                    }
                }
            }
        }
        rows.put("notification of the site's staff", rows("""
                select t::text from notification t where t.recipient in
                    (select s.username from staff s join staff_site ss on ss.staff_id = s.id where ss.site_id = ?)
                """, siteId));
        return rows;
    }

    record ForeignKey(String child, String col, String parent) {
    }

    private List<String> rows(String sql, long siteId) {
        return jdbc.sql(sql + " order by 1").params(siteId).query(String.class).list();
    }

    /**
     * Moves every id sequence to a range of its own, a million apart, so that no two records of different kinds share
     * an id: a route handed the id of the wrong kind must not find a record by chance.
     */
    private void spreadIds() {
        List<String> sequences = jdbc.sql("""
                select sequence_name from information_schema.sequences where sequence_schema = current_schema() order by 1
                """).query(String.class).list();
        for (int i = 0; i < sequences.size(); i++) {
            String sequence = sequences.get(i);
            jdbc.sql("select setval(cast(? as regclass), greatest((select last_value from " + sequence + "), ?))")
                    .params(sequence, (i + 1) * 1_000_000L).query(Long.class).single();
        }
    }

    /** A staff account serving only the site, as the login loads it; technicians have a profile and a skill. */
    private PropertyDeskUser person(Role role, long site) {
        String username = role.name().toLowerCase().replace('_', '-') + "-iso-" + unique();
        String displayName = "员工" + SEQUENCE.incrementAndGet();
        long id = single("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, false, now(), 'test', now(), 'test') returning id
                """, username, displayName);
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site).update();
        if (role == Role.TECHNICIAN) {
            jdbc.sql("""
                    insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                    values (?, now(), 'test', now(), 'test')
                    """).params(id).update();
            jdbc.sql("insert into technician_skill (staff_id, skill) values (?, 'PLUMBING')").params(id).update();
        }
        return new PropertyDeskUser(id, username, displayName, "{noop}x", true, Set.of(role), SiteScope.of(List.of(site)));
    }

    private long notification(PropertyDeskUser recipient, String link) {
        notifications.send(List.of(recipient.getUsername()), "ESCALATION", "notification.callbackSentBack", List.of(),
                link);
        return single("select max(id) from notification where recipient = ?", recipient.getUsername());
    }

    /** Sends the form as the person; it must be taken (a redirect), whose target is returned. */
    private String perform(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(csrf()).with(Users.as(who))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private long single(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void put(Map<Kind, String> records, Kind kind, long id) {
        records.put(kind, String.valueOf(id));
    }

    private static MockMultipartFile photo(String part) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
            return new MockMultipartFile(part, "photo.png", "image/png", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique() {
        return RecordsFixtures.unique();
    }
}
