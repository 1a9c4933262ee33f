package org.propertydesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.propertydesk.dispatch.DispatchTestData.shanghai;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtGroup;
import static org.propertydesk.support.Html.formError;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dispatch settings pages, in English: the materials price list (admins), technicians' skills and teams, teams,
 * the duty roster and automatic-dispatch rules (managers and admins), with their field messages and who sees whom.
 * The clock stands on Wednesday 25 November 2026, 10:00 in Shanghai; that week starts on Monday 23 November.
 */
@ClockedIntegrationTest
class DispatchSettingsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    long site;
    long otherSite;
    PropertyDeskUser admin;
    PropertyDeskUser manager;

    @BeforeEach
    void twoSitesAnAdminAndAManagerOfTheFirst() {
        clock.set("2026-11-25T10:00");
        site = data.site();
        otherSite = data.site();
        admin = data.admin();
        manager = data.manager(site);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(Users.as(who)).with(csrf()).cookie(ENGLISH));
    }

    private ResultActions submit(String path, Map<String, String> values, PropertyDeskUser who) throws Exception {
        MockHttpServletRequestBuilder request = post(path);
        values.forEach(request::param);
        return perform(request, who);
    }

    private String page(String path, PropertyDeskUser who) throws Exception {
        return perform(get(path), who).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Flash.FlashMessage flash(MvcResult result, String kind) {
        Object message = result.getFlashMap().get(kind);
        assertThat(message).as(kind).isInstanceOf(Flash.FlashMessage.class);
        return (Flash.FlashMessage) message;
    }

    @Nested
    class WhoMayOpenThem {

        @ParameterizedTest
        @ValueSource(strings = {"/dispatch/technicians", "/dispatch/teams", "/dispatch/roster", "/dispatch/rules"})
        void managerPagesAreForManagersAndAdmins(String path) throws Exception {
            perform(get(path), admin).andExpect(status().isOk());
            perform(get(path), manager).andExpect(status().isOk());
            perform(get(path), data.frontDesk(site)).andExpect(status().isForbidden());
            perform(get(path), data.dispatcher(site)).andExpect(status().isForbidden());
            perform(get(path), data.technician(Set.of("PLUMBING"), site)).andExpect(status().isForbidden());
        }

        @Test
        void thePriceListIsForAdminsOnly() throws Exception {
            perform(get("/dispatch/materials"), admin).andExpect(status().isOk());
            for (PropertyDeskUser other : List.of(manager, data.frontDesk(site), data.dispatcher(site),
                    data.technician(Set.of(), site))) {
                perform(get("/dispatch/materials"), other).andExpect(status().isForbidden());
            }
            submit("/dispatch/materials", newMaterial("NOPE" + DispatchTestData.unique()), manager)
                    .andExpect(status().isForbidden());
        }

        @Test
        void aDispatcherCannotChangeTheRoster() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of(), site);

            submit("/dispatch/roster/shifts", shift(technician, "2026-11-25", "08:00", "17:00", false), data.dispatcher(site))
                    .andExpect(status().isForbidden());

            assertThat(shifts(technician)).isEmpty();
        }

        @Test
        void onlyAdminsSeeThePriceListTab() throws Exception {
            assertThat(page("/dispatch/technicians", admin)).contains("href=\"/dispatch/materials\"");
            assertThat(page("/dispatch/technicians", manager)).doesNotContain("href=\"/dispatch/materials\"");
        }
    }

    // ---- materials -------------------------------------------------------------------------------------------------

    private static Map<String, String> newMaterial(String code) {
        return Map.of("code", code, "nameZh", "PPR 水管", "nameEn", "PPR pipe", "unitZh", "米", "unitEn", "metre",
                "unitPrice", "12.5");
    }

    private Map<String, Object> material(String code) {
        return jdbc.sql("select * from material where code = ?").params(code).query().singleRow();
    }

    @Nested
    class Materials {

        @Test
        void anAdminAddsAMaterialWithAnUpperCaseCodeAndTwoDecimals() throws Exception {
            String code = "pipe_" + DispatchTestData.unique();

            submit("/dispatch/materials", newMaterial(code), admin).andExpect(redirectedUrl("/dispatch/materials"));

            Map<String, Object> saved = material(code.toUpperCase());
            assertThat(saved.get("name_en")).isEqualTo("PPR pipe");
            assertThat((BigDecimal) saved.get("unit_price")).isEqualByComparingTo("12.50");
            assertThat(saved.get("active")).isEqualTo(true);
            assertThat(page("/dispatch/materials", admin)).contains(code.toUpperCase()).contains("PPR pipe")
                    .contains("metre").contains("12.50");
        }

        @Test
        void badInputIsShownAtEachFieldInEnglish() throws Exception {
            submit("/dispatch/materials", Map.of("code", "A B", "nameZh", " ", "nameEn", "Pipe", "unitZh", "米",
                    "unitEn", "metre", "unitPrice", "-1"), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("code", "Letters, digits, dashes and underscores only."))
                    .andExpect(errorAt("nameZh", "Required."))
                    .andExpect(errorAt("unitPrice", "Must be at least 0."));
            submit("/dispatch/materials", Map.of("code", "X" + DispatchTestData.unique(), "nameZh", "水管",
                    "nameEn", "Pipe", "unitZh", "米", "unitEn", "metre", "unitPrice", "1.234"), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("unitPrice", "Too many digits."));
            submit("/dispatch/materials", Map.of("code", "X" + DispatchTestData.unique(), "nameZh", "水管",
                    "nameEn", "Pipe", "unitZh", "米", "unitEn", "metre", "unitPrice", "cheap"), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("unitPrice", "Enter a number."));
        }

        @Test
        void aCodeAlreadyOnThePriceListIsRefusedAtTheFieldWhateverItsCase() throws Exception {
            String code = "TAP_" + DispatchTestData.unique().toUpperCase();
            submit("/dispatch/materials", newMaterial(code), admin).andExpect(status().isFound());

            submit("/dispatch/materials", newMaterial(code.toLowerCase()), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("code", "This code is already on the price list."));

            assertThat(jdbc.sql("select count(*) from material where code = ?").params(code).query(Long.class).single())
                    .isEqualTo(1);
        }

        @Test
        void editingChangesNamesAndPriceButNeverTheCode() throws Exception {
            String code = data.material("水龙头", "35.00");
            long id = ((Number) material(code).get("id")).longValue();
            assertThat(page("/dispatch/materials/" + id, admin)).contains("value=\"" + code + "\"").contains("readonly");

            submit("/dispatch/materials/" + id, Map.of("version", "0", "code", "CHANGED", "nameZh", "恒温龙头",
                    "nameEn", "Thermostatic tap", "unitZh", "个", "unitEn", "piece", "unitPrice", "88", "active", "true"), admin)
                    .andExpect(redirectedUrl("/dispatch/materials"));

            Map<String, Object> saved = material(code);
            assertThat(saved.get("name_en")).isEqualTo("Thermostatic tap");
            assertThat((BigDecimal) saved.get("unit_price")).isEqualByComparingTo("88.00");
            assertThat(jdbc.sql("select count(*) from material where code = 'CHANGED'").query(Long.class).single()).isZero();
        }

        @Test
        void aSaveFromAStaleFormIsRefused() throws Exception {
            String code = data.material("水龙头", "35.00");
            long id = ((Number) material(code).get("id")).longValue();
            jdbc.sql("update material set version = version + 1 where id = ?").params(id).update();

            MvcResult result = perform(post("/dispatch/materials/" + id).param("version", "0").param("code", code)
                    .param("nameZh", "龙头").param("nameEn", "Tap").param("unitZh", "个").param("unitEn", "piece")
                    .param("unitPrice", "1").header(HttpHeaders.REFERER, "http://localhost/dispatch/materials/" + id), admin)
                    .andExpect(redirectedUrl("/dispatch/materials/" + id)).andReturn();

            assertThat(flash(result, "flashError").key()).isEqualTo("error.concurrentChange");
            assertThat(material(code).get("name_zh")).isEqualTo("水龙头");
        }

        @Test
        void aDeactivatedMaterialStaysListedAsInactive() throws Exception {
            String code = data.material("阀门", "20.00");
            long id = ((Number) material(code).get("id")).longValue();

            submit("/dispatch/materials/" + id + "/deactivate", Map.of(), admin).andExpect(redirectedUrl("/dispatch/materials"));

            assertThat(material(code).get("active")).isEqualTo(false);
            assertThat(page("/dispatch/materials", admin)).contains(code);
        }
    }

    // ---- technicians -----------------------------------------------------------------------------------------------

    private Set<String> skills(PropertyDeskUser technician) {
        return Set.copyOf(jdbc.sql("select skill from technician_skill where staff_id = ?").params(technician.id())
                .query(String.class).list());
    }

    private Long teamOf(PropertyDeskUser technician) {
        return jdbc.sql("select team_id from technician where staff_id = ?").params(technician.id())
                .query(Long.class).optional().orElse(null);
    }

    @Nested
    class Technicians {

        @Test
        void theListShowsSkillsByNameAndTheSitesServed() throws Exception {
            PropertyDeskUser plumber = data.technician(Set.of("PLUMBING", "HVAC"), site);
            String siteName = jdbc.sql("select name from site where id = ?").params(site).query(String.class).single();

            String page = page("/dispatch/technicians", manager);

            int row = page.indexOf(">" + plumber.displayName() + "<");
            assertThat(row).as("the technician is listed").isPositive();
            String line = page.substring(row, page.indexOf("</tr>", row));
            assertThat(line).contains("Plumbing").contains("HVAC").contains(siteName);
        }

        @Test
        void editingCreatesTheProfileWhenThereIsNone() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of(), site);
            jdbc.sql("delete from technician where staff_id = ?").params(technician.id()).update();
            long team = data.team("水电班", site);
            assertThat(page("/dispatch/technicians/" + technician.id(), manager)).contains("Elevators");

            submit("/dispatch/technicians/" + technician.id(), Map.of("skills", "ELECTRICAL", "_skills", "on",
                    "teamId", Long.toString(team)), manager)
                    .andExpect(redirectedUrl("/dispatch/technicians"));

            assertThat(skills(technician)).containsExactly("ELECTRICAL");
            assertThat(teamOf(technician)).isEqualTo(team);
        }

        @Test
        void skillsAreReplacedAndTheTeamCleared() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of("PLUMBING"), site);
            data.team("管道班", site, technician);

            perform(post("/dispatch/technicians/" + technician.id()).param("version", "0")
                    .param("skills", "ELEVATOR", "CARPENTRY").param("_skills", "on").param("teamId", ""), manager)
                    .andExpect(redirectedUrl("/dispatch/technicians"));

            assertThat(skills(technician)).containsExactlyInAnyOrder("ELEVATOR", "CARPENTRY");
            assertThat(teamOf(technician)).isNull();
        }

        @Test
        void aSkillNotOfferedIsRefusedAtTheSkills() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of("PLUMBING"), site);

            submit("/dispatch/technicians/" + technician.id(), Map.of("skills", "JUGGLING", "_skills", "on"), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAtGroup("skills", "Choose skills from the list."));

            assertThat(skills(technician)).containsExactly("PLUMBING");
        }

        @Test
        void aRetiredTeamIsRefusedAtTheTeam() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of(), site);
            long team = data.team("旧班组", site);
            jdbc.sql("update team set active = false where id = ?").params(team).update();

            submit("/dispatch/technicians/" + technician.id(), Map.of("teamId", Long.toString(team)), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("teamId", "Choose an active team."));
        }

        @Test
        void aManagerCannotOpenATechnicianOfAnotherSite() throws Exception {
            PropertyDeskUser elsewhere = data.technician(Set.of(), otherSite);

            perform(get("/dispatch/technicians/" + elsewhere.id()), manager).andExpect(status().isNotFound());
            assertThat(page("/dispatch/technicians", manager)).doesNotContain(">" + elsewhere.displayName() + "<");
            assertThat(page("/dispatch/technicians", admin)).contains(">" + elsewhere.displayName() + "<");
        }
    }

    // ---- teams -----------------------------------------------------------------------------------------------------

    @Nested
    class Teams {

        @Test
        void aManagerAddsATeamWithASiteAndALeader() throws Exception {
            PropertyDeskUser leader = data.technician(Set.of("PLUMBING"), site);
            String name = "维修一班" + DispatchTestData.unique();

            submit("/dispatch/teams", Map.of("name", name, "siteId", Long.toString(site),
                    "leaderStaffId", Long.toString(leader.id())), manager)
                    .andExpect(redirectedUrl("/dispatch/teams"));

            Map<String, Object> team = jdbc.sql("select * from team where name = ?").params(name).query().singleRow();
            assertThat(((Number) team.get("site_id")).longValue()).isEqualTo(site);
            assertThat(((Number) team.get("leader_staff_id")).longValue()).isEqualTo(leader.id());
            assertThat(page("/dispatch/teams", manager)).contains(name).contains(leader.displayName());
        }

        @Test
        void aNameTakenInAnyCaseIsRefusedAtTheName() throws Exception {
            String name = "Night crew " + DispatchTestData.unique();
            submit("/dispatch/teams", Map.of("name", name), admin).andExpect(status().isFound());

            submit("/dispatch/teams", Map.of("name", "  " + name.toUpperCase() + " "), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("name", "There is already a team with this name."));
            submit("/dispatch/teams", Map.of("name", ""), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("name", "Required."));
        }

        @Test
        void aManagerCannotGiveATeamAnotherSite() throws Exception {
            submit("/dispatch/teams", Map.of("name", "外区班" + DispatchTestData.unique(),
                    "siteId", Long.toString(otherSite)), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("siteId", "You do not serve this site."));
        }

        @Test
        void editingRenamesAndRetiresATeam() throws Exception {
            long team = data.team("绿化班", site);
            String renamed = "Greening " + DispatchTestData.unique();

            submit("/dispatch/teams/" + team, Map.of("version", "0", "name", renamed, "siteId", Long.toString(site),
                    "_active", "on"), manager)
                    .andExpect(redirectedUrl("/dispatch/teams"));

            Map<String, Object> saved = jdbc.sql("select * from team where id = ?").params(team).query().singleRow();
            assertThat(saved.get("name")).isEqualTo(renamed);
            assertThat(saved.get("active")).isEqualTo(false);
        }

        @Test
        void keepingItsOwnNameIsNotATakenName() throws Exception {
            long team = data.team("保洁班", site);
            String name = jdbc.sql("select name from team where id = ?").params(team).query(String.class).single();

            submit("/dispatch/teams/" + team, Map.of("version", "0", "name", name.toUpperCase(), "active", "true"), manager)
                    .andExpect(redirectedUrl("/dispatch/teams"));
        }

        @Test
        void aTeamOfAnotherSiteIsNotTheirs() throws Exception {
            long team = data.team("外区班", otherSite);

            perform(get("/dispatch/teams/" + team), manager).andExpect(status().isNotFound());
        }
    }

    // ---- roster ----------------------------------------------------------------------------------------------------

    private static Map<String, String> shift(PropertyDeskUser technician, String day, String from, String to,
            boolean emergency) {
        return Map.of("staffId", Long.toString(technician.id()), "day", day, "from", from, "to", to,
                "emergency", Boolean.toString(emergency));
    }

    /** A technician's shifts as [starts, ends, emergency], in order. */
    private List<List<Object>> shifts(PropertyDeskUser technician) {
        return jdbc.sql("select starts_at, ends_at, emergency from duty_shift where staff_id = ? order by starts_at")
                .params(technician.id())
                .query((rs, n) -> List.<Object>of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(3)))
                .list();
    }

    private static List<Object> at(String from, String to, boolean emergency) {
        return List.of(shanghai(from), shanghai(to), emergency);
    }

    @Nested
    class Roster {

        @Test
        void aDayShiftIsStoredAndShownInItsDay() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of("PLUMBING"), site);

            submit("/dispatch/roster/shifts", shift(technician, "2026-11-25", "08:00", "17:00", false), manager)
                    .andExpect(redirectedUrl("/dispatch/roster?week=2026-11-23"));

            assertThat(shifts(technician)).containsExactly(at("2026-11-25T08:00", "2026-11-25T17:00", false));
            String page = page("/dispatch/roster?week=2026-11-23", manager);
            int row = page.indexOf(">" + technician.displayName() + "<");
            String line = page.substring(row, page.indexOf("</tr>", row));
            assertThat(line.split("<td")).as("Wednesday is the third day").hasSize(8);
            assertThat(line.split("<td")[3]).contains("08:00–17:00");
        }

        @Test
        void aNightShiftEndsTheNextMorning() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of("ELECTRICAL"), site);

            submit("/dispatch/roster/shifts", shift(technician, "2026-11-25", "20:00", "08:00", false), manager)
                    .andExpect(status().isFound());

            assertThat(shifts(technician)).containsExactly(at("2026-11-25T20:00", "2026-11-26T08:00", false));
            assertThat(page("/dispatch/roster?week=2026-11-26", manager)).contains("20:00–08:00").contains("(next day)");
        }

        @Test
        void aTwentyFourHourEmergencyDutyRunsFromEightToEightAndIsHighlighted() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of("ELECTRICAL"), site);

            submit("/dispatch/roster/shifts", shift(technician, "2026-11-28", "08:00", "08:00", true), manager)
                    .andExpect(status().isFound());

            assertThat(shifts(technician)).containsExactly(at("2026-11-28T08:00", "2026-11-29T08:00", true));
            String page = page("/dispatch/roster", manager);
            int row = page.indexOf(">" + technician.displayName() + "<");
            String line = page.substring(row, page.indexOf("</tr>", row));
            assertThat(line).contains("text-bg-danger").contains("Emergency duty");
        }

        @Test
        void anOverlappingShiftIsRefusedWithAMessage() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of(), site);
            data.shift(technician, "2026-11-25T20:00", "2026-11-26T08:00", false);

            submit("/dispatch/roster/shifts", shift(technician, "2026-11-26", "07:00", "12:00", false), manager)
                    .andExpect(status().isOk())
                    .andExpect(formError("This technician already has a shift at that time."));
            submit("/dispatch/roster/shifts", shift(technician, "2026-11-26", "08:00", "12:00", false), manager)
                    .andExpect(status().isFound());

            assertThat(shifts(technician)).hasSize(2);
        }

        @Test
        void missingAndUnreadableFieldsAreShownAtTheField() throws Exception {
            submit("/dispatch/roster/shifts", Map.of("staffId", "", "day", "2026-11-25", "from", "25:00", "to", "08:00"), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("staffId", "Required."))
                    .andExpect(errorAt("from", "Not a valid value."));
        }

        @Test
        void copyingThePreviousWeekSkipsWhatWouldOverlap() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of(), site);
            data.shift(technician, "2026-11-17T08:00", "2026-11-17T17:00", false);
            data.shift(technician, "2026-11-19T20:00", "2026-11-20T08:00", false);
            data.shift(technician, "2026-11-22T08:00", "2026-11-23T08:00", true);
            data.shift(technician, "2026-11-24T12:00", "2026-11-24T14:00", false);

            MvcResult result = submit("/dispatch/roster/copy", Map.of("week", "2026-11-25"), manager)
                    .andExpect(redirectedUrl("/dispatch/roster?week=2026-11-23")).andReturn();

            assertThat(flash(result, "flashSuccess").key()).isEqualTo("roster.copied");
            assertThat(flash(result, "flashSuccess").arguments()).containsExactly(2, 1);
            assertThat(shifts(technician)).containsSubsequence(
                    at("2026-11-24T12:00", "2026-11-24T14:00", false),
                    at("2026-11-26T20:00", "2026-11-27T08:00", false),
                    at("2026-11-29T08:00", "2026-11-30T08:00", true));
            assertThat(shifts(technician)).hasSize(6);

            MvcResult again = submit("/dispatch/roster/copy", Map.of("week", "2026-11-23"), manager).andReturn();
            assertThat(flash(again, "flashSuccess").arguments()).containsExactly(0, 3);
        }

        @Test
        void aManagerSeesOnlyTechniciansServingTheirSites() throws Exception {
            PropertyDeskUser here = data.technician(Set.of(), site);
            PropertyDeskUser both = data.technician(Set.of(), site, otherSite);
            PropertyDeskUser elsewhere = data.technician(Set.of(), otherSite);
            data.shift(elsewhere, "2026-11-25T08:00", "2026-11-25T17:00", false);

            String page = page("/dispatch/roster", manager);

            assertThat(page).contains(">" + here.displayName() + "<").contains(">" + both.displayName() + "<")
                    .doesNotContain(">" + elsewhere.displayName() + "<");
            assertThat(page("/dispatch/roster", admin)).contains(">" + elsewhere.displayName() + "<");
            submit("/dispatch/roster/shifts", shift(elsewhere, "2026-11-26", "08:00", "17:00", false), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("staffId", "Choose a technician who serves your sites."));
            assertThat(shifts(elsewhere)).hasSize(1);
        }

        @Test
        void aShiftIsDeleted() throws Exception {
            PropertyDeskUser technician = data.technician(Set.of(), site);
            data.shift(technician, "2026-11-25T08:00", "2026-11-25T17:00", false);
            long id = jdbc.sql("select id from duty_shift where staff_id = ?").params(technician.id()).query(Long.class).single();

            submit("/dispatch/roster/shifts/" + id + "/delete", Map.of("week", "2026-11-25"), manager)
                    .andExpect(redirectedUrl("/dispatch/roster?week=2026-11-23"));

            assertThat(shifts(technician)).isEmpty();
        }

        @Test
        void weeksAreNavigatedByAnyDayOfTheWeek() throws Exception {
            String page = page("/dispatch/roster?week=2026-11-27", manager);

            assertThat(page).contains("Week of 2026-11-23 to 2026-11-29")
                    .contains("/dispatch/roster?week=2026-11-16").contains("/dispatch/roster?week=2026-11-30");
        }
    }

    // ---- automatic-dispatch rules ----------------------------------------------------------------------------------

    private long category(String code) {
        return jdbc.sql("select id from request_category where code = ?").params(code).query(Long.class).single();
    }

    private List<Map<String, Object>> rules(long siteId) {
        return jdbc.sql("select * from dispatch_rule where site_id = ? order by id").params(siteId).query().listOfRows();
    }

    @Nested
    class Rules {

        @Test
        void aManagerAddsARuleForACategoryAndOneForEveryRepair() throws Exception {
            submit("/dispatch/rules", Map.of("siteId", Long.toString(site), "categoryId", Long.toString(category("PLUMBING")),
                    "acceptMinutes", "10", "enabled", "true"), manager)
                    .andExpect(redirectedUrl("/dispatch/rules"));
            submit("/dispatch/rules", Map.of("siteId", Long.toString(site), "categoryId", "", "acceptMinutes", "20",
                    "enabled", "true"), manager)
                    .andExpect(redirectedUrl("/dispatch/rules"));

            assertThat(rules(site)).extracting(r -> r.get("category_id") == null ? null : ((Number) r.get("category_id")).longValue(),
                    r -> r.get("accept_minutes")).containsExactly(
                    tuple(category("PLUMBING"), 10),
                    tuple(null, 20));
            assertThat(page("/dispatch/rules", manager)).contains("Every repair").contains("Plumbing").contains("10 min");
        }

        @Test
        void aSecondRuleForTheSameSiteAndCategoryIsRefused() throws Exception {
            data.autoDispatch(site, null, 15);

            submit("/dispatch/rules", Map.of("siteId", Long.toString(site), "categoryId", "", "acceptMinutes", "30"), manager)
                    .andExpect(status().isOk())
                    .andExpect(formError("This site already has a rule for this category."));

            assertThat(rules(site)).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "241", "", "soon"})
        void theTimeToAcceptIsBetweenOneAndTwoHundredFortyMinutes(String minutes) throws Exception {
            String expected = switch (minutes) {
                case "0" -> "Must be at least 1.";
                case "241" -> "Must be at most 240.";
                case "" -> "Required.";
                default -> "Enter a whole number.";
            };

            submit("/dispatch/rules", Map.of("siteId", Long.toString(site), "acceptMinutes", minutes), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("acceptMinutes", expected));
        }

        @Test
        void aManagerCannotAddARuleForAnotherSiteNorSeeItsRules() throws Exception {
            data.autoDispatch(otherSite, "PLUMBING", 12);

            submit("/dispatch/rules", Map.of("siteId", Long.toString(otherSite), "acceptMinutes", "15"), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("siteId", "You do not serve this site."));
            long id = ((Number) rules(otherSite).get(0).get("id")).longValue();
            perform(get("/dispatch/rules/" + id), manager).andExpect(status().isNotFound());
            submit("/dispatch/rules/" + id + "/delete", Map.of(), manager).andExpect(status().isNotFound());
        }

        @Test
        void editingChangesTheTimeAndSwitchesItOffAndDeletingRemovesIt() throws Exception {
            data.autoDispatch(site, "PLUMBING", 15);
            long id = ((Number) rules(site).get(0).get("id")).longValue();

            submit("/dispatch/rules/" + id, Map.of("version", "0", "siteId", Long.toString(site), "acceptMinutes", "45",
                    "_enabled", "on"), manager)
                    .andExpect(redirectedUrl("/dispatch/rules"));

            assertThat(rules(site).get(0)).containsEntry("accept_minutes", 45).containsEntry("enabled", false);
            submit("/dispatch/rules/" + id + "/delete", Map.of(), manager).andExpect(redirectedUrl("/dispatch/rules"));
            assertThat(rules(site)).isEmpty();
        }
    }
}
