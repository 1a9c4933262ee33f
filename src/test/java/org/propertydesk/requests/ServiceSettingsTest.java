package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.requests.RequestsTestData.shanghai;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.formError;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.web.Flash;
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
 * The request settings pages, in English: the category tree, reply templates, SLA targets (company-wide and per site),
 * business hours and holidays, with their field messages, their effect on the due times of new requests, and who may
 * change what: admins and managers only, managers of some sites only for those sites, company-wide targets only by
 * staff with all sites. The clock stands on Wednesday 25 March 2026, 10:00 in Shanghai.
 */
@RequestsIntegrationTest
class ServiceSettingsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceSettings settings;

    Site site;
    Site otherSite;
    PropertyDeskUser admin;
    PropertyDeskUser manager;
    PropertyDeskUser siteManager;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void twoSitesAnAdminAManagerOfAllAndAManagerOfOne() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        otherSite = data.site();
        admin = data.admin();
        manager = Users.withRole(Role.MANAGER, SiteScope.all());
        siteManager = Users.manager(site.id());
        frontDesk = data.frontDesk(site);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).cookie(ENGLISH));
    }

    private static MockHttpServletRequestBuilder form(String path, Map<String, String> values) {
        MockHttpServletRequestBuilder request = post(path);
        values.forEach(request::param);
        return request;
    }

    /** The key of the error shown after a redirect (a refusal that belongs to no form field). */
    private static String flashError(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        Object message = result.getFlashMap().get("flashError");
        assertThat(message).as("an error message for the next page").isInstanceOf(Flash.FlashMessage.class);
        return ((Flash.FlashMessage) message).key();
    }

    private String siteName(Site s) {
        return jdbc.sql("select name from site where id = ?").params(s.id()).query(String.class).single();
    }

    @Nested
    class Categories {

        private Map<String, String> newCategory(String code, String parentCode) {
            return Map.of("code", code, "parentCode", parentCode, "nameZh", "充电桩", "nameEn", "EV charger",
                    "defaultPriority", "URGENT", "skill", "electrical", "sortOrder", "950", "specialService", "true",
                    "active", "true");
        }

        private long categories(String code) {
            return jdbc.sql("select count(*) from request_category where code = ?").params(code).query(Long.class).single();
        }

        @Test
        void aNewCategoryIsSavedAndListed() throws Exception {
            String code = "ST_" + RequestsTestData.unique();

            perform(form("/requests/settings/categories", newCategory(code, "")), admin)
                    .andExpect(status().isFound())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/requests/settings/categories"));
            perform(form("/requests/settings/categories", newCategory(code + "_SUB", code)), manager)
                    .andExpect(status().isFound());

            RequestCategory saved = category(code);
            assertThat(saved.getParent()).isNull();
            assertThat(saved.getNameZh()).isEqualTo("充电桩");
            assertThat(saved.getNameEn()).isEqualTo("EV charger");
            assertThat(saved.getDefaultPriority()).isEqualTo(Priority.URGENT);
            assertThat(saved.getSkill()).as("skills are codes").isEqualTo("ELECTRICAL");
            assertThat(saved.isSpecialService()).isTrue();
            assertThat(jdbc.sql("select p.code from request_category c join request_category p on p.id = c.parent_id where c.code = ?")
                    .params(code + "_SUB").query(String.class).single()).isEqualTo(code);
            String page = perform(get("/requests/settings/categories"), admin).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(">" + code + "<").contains("EV charger › EV charger");
        }

        @Test
        void aCodeWithOtherCharactersIsRefusedAtTheField() throws Exception {
            perform(form("/requests/settings/categories", newCategory("EV-CHARGER", "")), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("code", "Capital letters, digits and underscores only."));

            assertThat(categories("EV-CHARGER")).isZero();
        }

        @Test
        void aCodeInUseIsRefusedAtTheField() throws Exception {
            perform(form("/requests/settings/categories", newCategory("PLUMBING", "")), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("code", "This code is taken."));

            assertThat(categories("PLUMBING")).isOne();
        }

        @Test
        void theParentMustBeATopLevelCategory() throws Exception {
            String code = "ST_" + RequestsTestData.unique();

            perform(form("/requests/settings/categories", newCategory(code, "PLUMBING_BLOCKED_DRAIN")), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("parentCode", "Categories have two levels: choose a top-level category as parent."));
            perform(form("/requests/settings/categories", newCategory(code, "NO_SUCH_CATEGORY")), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("parentCode", "Choose an existing top-level category as parent."));

            assertThat(categories(code)).isZero();
        }

        @Test
        void aCategoryIsEditedOnItsOwnPage() throws Exception {
            String code = "ST_" + RequestsTestData.unique();
            perform(form("/requests/settings/categories", newCategory(code, "")), admin).andExpect(status().isFound());
            RequestCategory saved = category(code);
            perform(get("/requests/settings/categories/" + saved.getId()), manager).andExpect(status().isOk());

            perform(form("/requests/settings/categories/" + saved.getId(), Map.of("version", String.valueOf(saved.getVersion()),
                    "code", "CHANGED_CODE", "nameZh", "新能源充电桩", "nameEn", "EV charging", "defaultPriority", "LOW",
                    "skill", "", "sortOrder", "960", "specialService", "false", "active", "false")), manager)
                    .andExpect(status().isFound());

            RequestCategory edited = category(code);
            assertThat(edited.getId()).as("the code never changes").isEqualTo(saved.getId());
            assertThat(edited.getNameZh()).isEqualTo("新能源充电桩");
            assertThat(edited.getNameEn()).isEqualTo("EV charging");
            assertThat(edited.getDefaultPriority()).isEqualTo(Priority.LOW);
            assertThat(edited.isSpecialService()).isFalse();
            assertThat(edited.isActive()).isFalse();
            assertThat(categories("CHANGED_CODE")).isZero();
        }

        @Test
        void anEditWithAMissingNameOrAStaleVersionIsRefused() throws Exception {
            String code = "ST_" + RequestsTestData.unique();
            perform(form("/requests/settings/categories", newCategory(code, "")), admin).andExpect(status().isFound());
            RequestCategory saved = category(code);
            String path = "/requests/settings/categories/" + saved.getId();

            perform(form(path, Map.of("version", String.valueOf(saved.getVersion()), "code", code, "nameZh", "充电桩",
                    "nameEn", " ", "defaultPriority", "URGENT", "sortOrder", "950")), admin)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("nameEn", "Required."));
            perform(form(path, Map.of("version", String.valueOf(saved.getVersion() - 1), "code", code, "nameZh", "过期的修改",
                    "nameEn", "Stale", "defaultPriority", "URGENT", "sortOrder", "950")), admin)
                    .andExpect(status().isOk())
                    .andExpect(formError("Someone else changed this record while you were editing it."));

            assertThat(category(code).getNameEn()).isEqualTo("EV charger");
        }

        private RequestCategory category(String code) {
            Long id = jdbc.sql("select id from request_category where code = ?").params(code).query(Long.class).single();
            return settings.category(id);
        }
    }

    @Nested
    class Templates {

        private String category;

        @BeforeEach
        void aCategoryOfTheirOwn() throws Exception {
            // Templates of a new category, so that the intake previews of other tests do not see them.
            category = "ST_" + RequestsTestData.unique();
            perform(form("/requests/settings/categories", Map.of("code", category, "nameZh", "模板测试", "nameEn",
                    "Template test", "defaultPriority", "NORMAL", "sortOrder", "990")), admin).andExpect(status().isFound());
        }

        private Map<String, String> template(String title, String body, String language) {
            return Map.of("categoryCode", category, "title", title, "body", body, "language", language, "active", "true");
        }

        private List<Map<String, Object>> templatesOfCategory() {
            return jdbc.sql("""
                    select t.id, t.title, t.body, t.language, t.active from reply_template t
                    join request_category c on c.id = t.category_id where c.code = ? order by t.id
                    """).params(category).query().listOfRows();
        }

        @Test
        void aTemplateIsCreatedListedAndEdited() throws Exception {
            perform(form("/requests/settings/templates", template("充电桩开通", "{customerName}您好，{site}的充电桩请到前台登记。",
                    "zh-CN")), manager)
                    .andExpect(status().isFound());
            List<Map<String, Object>> created = templatesOfCategory();
            assertThat(created).hasSize(1);
            assertThat(created.get(0)).containsEntry("title", "充电桩开通").containsEntry("language", "zh-CN")
                    .containsEntry("active", true);
            long id = ((Number) created.get(0).get("id")).longValue();
            String list = perform(get("/requests/settings/templates"), manager).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(list).contains("充电桩开通").contains("href=\"/requests/settings/templates/" + id + "\"");
            perform(get("/requests/settings/templates/" + id), manager).andExpect(status().isOk());

            perform(form("/requests/settings/templates/" + id, Map.of("categoryCode", category, "title", "EV charger sign-up",
                    "body", "Hello {customerName}, register at the front desk of {site}.", "language", "en", "active", "false")),
                    admin)
                    .andExpect(status().isFound());

            assertThat(templatesOfCategory()).singleElement().satisfies(edited -> assertThat(edited)
                    .containsEntry("title", "EV charger sign-up").containsEntry("language", "en")
                    .containsEntry("body", "Hello {customerName}, register at the front desk of {site}.")
                    .containsEntry("active", false));
        }

        @Test
        void anUnknownLanguageOrAnEmptyAnswerIsRefusedAtTheField() throws Exception {
            perform(form("/requests/settings/templates", template("充电桩", "您好", "fr")), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("language", "Choose Chinese or English."));
            perform(form("/requests/settings/templates", template("充电桩", "  ", "zh-CN")), manager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("body", "Required."));

            assertThat(templatesOfCategory()).isEmpty();
        }
    }

    @Nested
    class SlaTargets {

        private Map<String, Object> companyWide(RequestKind kind, Priority priority) {
            return jdbc.sql("select * from sla_policy where site_id is null and kind = ? and priority = ?")
                    .params(kind.name(), priority.name()).query().singleRow();
        }

        private long overridesAt(Site s) {
            return jdbc.sql("select count(*) from sla_policy where site_id = ?").params(s.id()).query(Long.class).single();
        }

        private Map<String, String> override(Site s, String response) {
            return Map.of("siteId", String.valueOf(s.id()), "kind", "REPAIR", "priority", "URGENT", "responseMinutes", response,
                    "arrivalMinutes", "20", "resolutionMinutes", "600", "businessHours", "true");
        }

        @Test
        void changingACompanyWideTargetChangesTheDueTimesOfNewRequests() throws Exception {
            Map<String, Object> before = companyWide(RequestKind.COMPLAINT, Priority.LOW);
            long id = ((Number) before.get("id")).longValue();
            try {
                perform(get("/requests/settings/sla/" + id), manager).andExpect(status().isOk());

                perform(form("/requests/settings/sla/" + id, Map.of("version", String.valueOf(before.get("version")),
                        "kind", "COMPLAINT", "priority", "LOW", "responseMinutes", "90", "resolutionMinutes", "600",
                        "businessHours", "false")), manager)
                        .andExpect(status().isFound());

                ServiceRequest request = data.receive(frontDesk, data.complaint(site).priority(Priority.LOW));
                assertThat(request.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-25T11:30"));
                assertThat(request.getDueResolveAt()).isEqualTo(shanghai("2026-03-25T20:00"));
                assertThat(companyWide(RequestKind.COMPLAINT, Priority.LOW)).containsEntry("response_minutes", 90)
                        .containsEntry("resolution_minutes", 600);
            } finally {
                jdbc.sql("""
                        update sla_policy set response_minutes = ?, arrival_minutes = ?, arrival_next_business_day = ?,
                                              resolution_minutes = ?, business_hours = ? where id = ?
                        """).params(before.get("response_minutes"), before.get("arrival_minutes"),
                        before.get("arrival_next_business_day"), before.get("resolution_minutes"), before.get("business_hours"), id)
                        .update();
            }
        }

        @Test
        void aSiteOverrideIsCreatedRefusedTwiceEditedAndRemoved() throws Exception {
            perform(form("/requests/settings/sla", override(site, "10")), siteManager).andExpect(status().isFound());
            assertThat(overridesAt(site)).isOne();
            assertThat(data.receive(frontDesk, data.repair(site).priority(Priority.URGENT)).getDueAcknowledgeAt())
                    .isEqualTo(shanghai("2026-03-25T10:10"));
            assertThat(perform(get("/requests/settings/sla"), siteManager).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString()).contains(siteName(site));

            perform(form("/requests/settings/sla", override(site, "5")), siteManager)
                    .andExpect(status().isOk())
                    .andExpect(formError("This site already has an override for this kind and priority: edit it instead."));
            assertThat(overridesAt(site)).isOne();

            long id = jdbc.sql("select id from sla_policy where site_id = ?").params(site.id()).query(Long.class).single();
            perform(get("/requests/settings/sla/" + id), siteManager).andExpect(status().isOk());
            perform(form("/requests/settings/sla/" + id, Map.of("version", "0", "kind", "REPAIR", "priority", "URGENT",
                    "responseMinutes", "12", "arrivalMinutes", "25", "resolutionMinutes", "600", "businessHours", "true")),
                    siteManager)
                    .andExpect(status().isFound());
            ServiceRequest edited = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
            assertThat(edited.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-25T10:12"));
            assertThat(edited.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T10:25"));

            perform(post("/requests/settings/sla/" + id + "/delete"), siteManager).andExpect(status().isFound());
            assertThat(overridesAt(site)).isZero();
            assertThat(data.receive(frontDesk, data.repair(site).priority(Priority.URGENT)).getDueAcknowledgeAt())
                    .as("the company-wide target again").isEqualTo(shanghai("2026-03-25T10:15"));
        }

        @Test
        void targetsAreValidatedAndNothingIsSaved() throws Exception {
            Map<String, String> zero = new HashMap<>(override(site, "0"));
            perform(form("/requests/settings/sla", zero), siteManager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("responseMinutes", "Must be at least 1."));
            Map<String, String> noArrival = new HashMap<>(override(site, "10"));
            noArrival.remove("arrivalMinutes");
            perform(form("/requests/settings/sla", noArrival), siteManager)
                    .andExpect(status().isOk())
                    .andExpect(formError("A repair needs an on-site target: minutes or the next working day."));
            Map<String, String> noSite = new HashMap<>(override(site, "10"));
            noSite.put("siteId", "");
            perform(form("/requests/settings/sla", noSite), manager)
                    .andExpect(status().isOk())
                    .andExpect(formError("Choose the site the override is for."));

            assertThat(overridesAt(site)).isZero();
        }

        @Test
        void anEditCannotDropARepairsOnSiteTargetByPostingAnotherKind() throws Exception {
            data.sitePolicy(site, RequestKind.REPAIR, Priority.URGENT, 10, 20, 600, true);
            long id = jdbc.sql("select id from sla_policy where site_id = ?").params(site.id()).query(Long.class).single();

            perform(form("/requests/settings/sla/" + id, Map.of("version", "0", "kind", "COMPLAINT", "priority", "URGENT",
                    "responseMinutes", "10", "resolutionMinutes", "600", "businessHours", "true")), siteManager)
                    .andExpect(status().isOk())
                    .andExpect(formError("A repair needs an on-site target: minutes or the next working day."));

            assertThat(jdbc.sql("select arrival_minutes from sla_policy where id = ?").params(id).query(Integer.class).single())
                    .isEqualTo(20);
            assertThat(data.receive(frontDesk, data.repair(site).priority(Priority.URGENT)).getDueArrivalAt())
                    .isEqualTo(shanghai("2026-03-25T10:20"));
        }

        @Test
        void aManagerOfOneSiteCannotTouchAnotherSiteOrTheCompanyWideTargets() throws Exception {
            data.sitePolicy(otherSite, RequestKind.REPAIR, Priority.URGENT, 10, 20, 600, true);
            long elsewhere = jdbc.sql("select id from sla_policy where site_id = ?").params(otherSite.id()).query(Long.class).single();
            Map<String, Object> company = companyWide(RequestKind.REPAIR, Priority.URGENT);
            long companyId = ((Number) company.get("id")).longValue();

            perform(form("/requests/settings/sla", override(otherSite, "10")), siteManager)
                    .andExpect(status().isOk())
                    .andExpect(errorAt("siteId", "You do not serve this site."));
            perform(get("/requests/settings/sla/" + elsewhere), siteManager).andExpect(status().isNotFound());
            perform(form("/requests/settings/sla/" + elsewhere, override(otherSite, "1")), siteManager)
                    .andExpect(status().isNotFound());
            perform(post("/requests/settings/sla/" + elsewhere + "/delete"), siteManager).andExpect(status().isNotFound());
            assertThat(perform(get("/requests/settings/sla"), siteManager).andReturn().getResponse().getContentAsString())
                    .doesNotContain(siteName(otherSite));

            assertThat(flashError(perform(get("/requests/settings/sla/" + companyId), siteManager).andReturn()))
                    .isEqualTo("sla.error.companyWide");
            assertThat(flashError(perform(form("/requests/settings/sla/" + companyId, Map.of("version",
                    String.valueOf(company.get("version")), "kind", "REPAIR", "priority", "URGENT", "responseMinutes", "1",
                    "arrivalMinutes", "1", "resolutionMinutes", "1", "businessHours", "false")), siteManager).andReturn()))
                    .isEqualTo("sla.error.companyWide");
            assertThat(flashError(perform(post("/requests/settings/sla/" + companyId + "/delete"), manager).andReturn()))
                    .as("not even staff of all sites remove a company-wide target").isEqualTo("sla.error.companyWide");

            assertThat(companyWide(RequestKind.REPAIR, Priority.URGENT)).isEqualTo(company);
            assertThat(overridesAt(otherSite)).isOne();
            assertThat(overridesAt(site)).isZero();
        }
    }

    @Nested
    class BusinessHoursAndHolidays {

        /** The hours form of the site: 08:00–18:00 on every day but the closed ones, with any value replaced. */
        private MockHttpServletRequestBuilder week(Site s, Map<String, String> replaced, DayOfWeek... closed) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("siteId", String.valueOf(s.id()));
            for (DayOfWeek day : DayOfWeek.values()) {
                if (!List.of(closed).contains(day)) {
                    values.put("open" + day.getValue(), "on");
                }
                values.put("opens" + day.getValue(), "08:00");
                values.put("closes" + day.getValue(), "18:00");
            }
            values.putAll(replaced);
            return form("/requests/settings/hours", values)
                    .header(HttpHeaders.REFERER, "http://localhost/requests/settings/hours?siteId=" + s.id());
        }

        private MockHttpServletRequestBuilder week(Site s, DayOfWeek... closed) {
            return week(s, Map.of(), closed);
        }

        private List<String> storedWeek(Site s) {
            return jdbc.sql("""
                    select day_of_week || ' ' || opens_at || '-' || closes_at from business_hours
                    where site_id = ? order by day_of_week
                    """)
                    .params(s.id()).query(String.class).list();
        }

        private List<LocalDate> holidaysOf(Site s) {
            return jdbc.sql("select day from holiday where site_id = ? order by day").params(s.id()).query(LocalDate.class).list();
        }

        private static String tag(String html, String id) {
            int at = html.indexOf("id=\"" + id + "\"");
            assertThat(at).as("a control #%s", id).isPositive();
            return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
        }

        @Test
        void aSiteClosedOnSundayMovesASundayCallToMonday() throws Exception {
            perform(week(site, DayOfWeek.SUNDAY), siteManager)
                    .andExpect(status().isFound())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                            .isEqualTo("/requests/settings/hours?siteId=" + site.id()));

            assertThat(storedWeek(site)).containsExactly("1 08:00:00-18:00:00", "2 08:00:00-18:00:00", "3 08:00:00-18:00:00",
                    "4 08:00:00-18:00:00", "5 08:00:00-18:00:00", "6 08:00:00-18:00:00");
            String page = perform(get("/requests/settings/hours").param("siteId", String.valueOf(site.id())), siteManager)
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(tag(page, "open6")).contains("checked");
            assertThat(tag(page, "open7")).doesNotContain("checked");

            clock.set("2026-03-29T10:00"); // Sunday
            ServiceRequest closed = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
            ServiceRequest open = data.receive(data.frontDesk(otherSite), data.repair(otherSite).priority(Priority.URGENT));
            assertThat(closed.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-30T08:15"));
            assertThat(open.getDueAcknowledgeAt()).as("the default week is open every day").isEqualTo(shanghai("2026-03-29T10:15"));
        }

        @Test
        void aHolidayIsAddedShownCountedAndRemoved() throws Exception {
            perform(week(site, DayOfWeek.SUNDAY), siteManager).andExpect(status().isFound());

            perform(post("/requests/settings/holidays").param("siteId", String.valueOf(site.id())).param("day", "2026-03-30")
                    .param("name", "清明调休"), siteManager)
                    .andExpect(status().isFound());

            assertThat(holidaysOf(site)).containsExactly(LocalDate.of(2026, 3, 30));
            String page = perform(get("/requests/settings/hours").param("siteId", String.valueOf(site.id())), siteManager)
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("2026-03-30").contains("清明调休");
            clock.set("2026-03-29T10:00");
            assertThat(data.receive(frontDesk, data.repair(site).priority(Priority.URGENT)).getDueAcknowledgeAt())
                    .as("closed on Sunday, a holiday on Monday").isEqualTo(shanghai("2026-03-31T08:15"));

            long id = jdbc.sql("select id from holiday where site_id = ?").params(site.id()).query(Long.class).single();
            perform(post("/requests/settings/holidays/" + id + "/delete").param("siteId", String.valueOf(site.id())), siteManager)
                    .andExpect(status().isFound());
            assertThat(holidaysOf(site)).isEmpty();
            assertThat(data.receive(frontDesk, data.repair(site).priority(Priority.URGENT)).getDueAcknowledgeAt())
                    .isEqualTo(shanghai("2026-03-30T08:15"));
        }

        @Test
        void aWeekWithoutAnOpenDayOrWithADayClosingBeforeItOpensIsRefused() throws Exception {
            perform(week(site, DayOfWeek.SUNDAY), siteManager).andExpect(status().isFound());
            List<String> before = storedWeek(site);

            MvcResult noOpenDay = perform(week(site, DayOfWeek.values()), siteManager).andReturn();
            MvcResult backwards = perform(week(site, Map.of("opens1", "18:00", "closes1", "08:00")), siteManager).andReturn();
            MvcResult nonsense = perform(week(site, Map.of("opens2", "25:00")), siteManager).andReturn();

            assertThat(flashError(noOpenDay)).isEqualTo("hours.error.noOpenDay");
            assertThat(noOpenDay.getResponse().getRedirectedUrl()).isEqualTo("/requests/settings/hours?siteId=" + site.id());
            assertThat(flashError(backwards)).isEqualTo("hours.error.order");
            assertThat(flashError(nonsense)).isEqualTo("hours.error.order");
            assertThat(storedWeek(site)).isEqualTo(before);
        }

        @Test
        void aHolidayNeedsADayAndANameAndIsAddedOnce() throws Exception {
            String siteId = String.valueOf(site.id());

            MvcResult noName = perform(post("/requests/settings/holidays").param("siteId", siteId).param("day", "2026-04-06"),
                    siteManager).andReturn();
            MvcResult noDay = perform(post("/requests/settings/holidays").param("siteId", siteId).param("name", "清明"),
                    siteManager).andReturn();
            perform(post("/requests/settings/holidays").param("siteId", siteId).param("day", "2026-04-06").param("name", "清明"),
                    siteManager).andExpect(status().isFound());
            MvcResult twice = perform(post("/requests/settings/holidays").param("siteId", siteId).param("day", "2026-04-06")
                    .param("name", "清明节"), siteManager).andReturn();

            assertThat(flashError(noName)).isEqualTo("hours.error.holiday");
            assertThat(flashError(noDay)).isEqualTo("hours.error.holiday");
            assertThat(flashError(twice)).isEqualTo("hours.error.holidayExists");
            assertThat(holidaysOf(site)).containsExactly(LocalDate.of(2026, 4, 6));
        }

        @Test
        void aManagerOfOneSiteSeesAndChangesOnlyThatSitesCalendar() throws Exception {
            data.holiday(otherSite, LocalDate.of(2026, 4, 6));
            long otherHoliday = jdbc.sql("select id from holiday where site_id = ?").params(otherSite.id()).query(Long.class).single();
            String other = String.valueOf(otherSite.id());

            perform(get("/requests/settings/hours").param("siteId", other), siteManager).andExpect(status().isNotFound());
            perform(week(otherSite), siteManager).andExpect(status().isNotFound());
            perform(post("/requests/settings/holidays").param("siteId", other).param("day", "2026-04-07").param("name", "x"),
                    siteManager).andExpect(status().isNotFound());
            perform(post("/requests/settings/holidays/" + otherHoliday + "/delete").param("siteId", other), siteManager)
                    .andExpect(status().isNotFound());
            perform(post("/requests/settings/holidays/" + otherHoliday + "/delete").param("siteId", String.valueOf(site.id())),
                    siteManager).andExpect(status().isNotFound());
            String page = perform(get("/requests/settings/hours"), siteManager).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("value=\"" + site.id() + "\"").doesNotContain("value=\"" + other + "\"");

            perform(post("/requests/settings/holidays").param("siteId", String.valueOf(site.id())).param("day", "2026-04-07")
                    .param("name", "项目团建").param("allSites", "true"), siteManager).andExpect(status().isFound());

            assertThat(storedWeek(otherSite)).isEmpty();
            assertThat(holidaysOf(otherSite)).containsExactly(LocalDate.of(2026, 4, 6));
            assertThat(holidaysOf(site)).as("a manager of one site adds holidays for that site only")
                    .containsExactly(LocalDate.of(2026, 4, 7));
            assertThat(jdbc.sql("select count(*) from holiday where site_id is null and day = date '2026-04-07'")
                    .query(Long.class).single()).isZero();
        }

        @Test
        void aHolidayForAllSitesIsAddedAndRemovedOnlyByStaffOfAllSites() throws Exception {
            LocalDate day = LocalDate.of(2026, 12, 31);
            try {
                perform(post("/requests/settings/holidays").param("siteId", String.valueOf(site.id())).param("day", day.toString())
                        .param("name", "全公司年会").param("allSites", "true"), admin).andExpect(status().isFound());
                long id = jdbc.sql("select id from holiday where site_id is null and day = ?").params(day).query(Long.class).single();

                perform(post("/requests/settings/holidays/" + id + "/delete").param("siteId", String.valueOf(site.id())),
                        siteManager).andExpect(status().isNotFound());
                assertThat(perform(get("/requests/settings/hours").param("siteId", String.valueOf(site.id())), siteManager)
                        .andReturn().getResponse().getContentAsString()).contains("全公司年会").contains("all sites");

                perform(post("/requests/settings/holidays/" + id + "/delete").param("siteId", String.valueOf(site.id())), admin)
                        .andExpect(status().isFound());
                assertThat(jdbc.sql("select count(*) from holiday where id = ?").params(id).query(Long.class).single()).isZero();
            } finally {
                jdbc.sql("delete from holiday where site_id is null and day = ?").params(day).update();
            }
        }
    }

    @Nested
    class WhoMayChangeSettings {

        private List<MockHttpServletRequestBuilder> everySettingsPage() {
            long category = jdbc.sql("select id from request_category where code = 'PLUMBING'").query(Long.class).single();
            long template = jdbc.sql("select min(id) from reply_template").query(Long.class).single();
            long policy = jdbc.sql("select id from sla_policy where site_id is null and kind = 'REPAIR' and priority = 'URGENT'")
                    .query(Long.class).single();
            String siteId = String.valueOf(site.id());
            return List.of(
                    get("/requests/settings"),
                    get("/requests/settings/categories"),
                    get("/requests/settings/categories/" + category),
                    post("/requests/settings/categories").param("code", "NOPE").param("nameZh", "x").param("nameEn", "x"),
                    post("/requests/settings/categories/" + category).param("nameZh", "x").param("nameEn", "x"),
                    get("/requests/settings/templates"),
                    get("/requests/settings/templates/" + template),
                    post("/requests/settings/templates").param("title", "x").param("body", "x"),
                    post("/requests/settings/templates/" + template).param("title", "x").param("body", "x"),
                    get("/requests/settings/sla"),
                    get("/requests/settings/sla/" + policy),
                    post("/requests/settings/sla").param("siteId", siteId).param("responseMinutes", "1")
                            .param("arrivalMinutes", "1").param("resolutionMinutes", "1"),
                    post("/requests/settings/sla/" + policy).param("responseMinutes", "1").param("arrivalMinutes", "1")
                            .param("resolutionMinutes", "1"),
                    post("/requests/settings/sla/" + policy + "/delete"),
                    get("/requests/settings/hours").param("siteId", siteId),
                    post("/requests/settings/hours").param("siteId", siteId).param("open1", "on").param("opens1", "09:00")
                            .param("closes1", "10:00"),
                    post("/requests/settings/holidays").param("siteId", siteId).param("day", "2026-04-08").param("name", "x"),
                    post("/requests/settings/holidays/1/delete").param("siteId", siteId));
        }

        @ParameterizedTest
        @EnumSource(names = {"FRONT_DESK", "DISPATCHER", "TECHNICIAN"})
        void staffWhoAreNotAdminsOrManagersAreForbiddenEverywhere(Role role) throws Exception {
            PropertyDeskUser who = Users.withRole(role, site.id());
            SoftAssertions softly = new SoftAssertions();
            for (MockHttpServletRequestBuilder request : everySettingsPage()) {
                MvcResult result = perform(request, who).andReturn();
                softly.assertThat(result.getResponse().getStatus()).as("%s %s", result.getRequest().getMethod(),
                        result.getRequest().getRequestURI()).isEqualTo(403);
            }
            softly.assertAll();
            assertThat(jdbc.sql("select count(*) from request_category where code = 'NOPE'").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from business_hours where site_id = ?").params(site.id()).query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from holiday where site_id = ?").params(site.id()).query(Long.class).single())
                    .isZero();
        }

        @Test
        void adminsAndManagersOpenEverySettingsPage() throws Exception {
            for (PropertyDeskUser who : List.of(admin, manager)) {
                for (String path : List.of("/requests/settings/categories", "/requests/settings/templates",
                        "/requests/settings/sla", "/requests/settings/hours")) {
                    perform(get(path), who).andExpect(status().isOk());
                }
            }
            perform(get("/requests/settings/hours").param("siteId", String.valueOf(site.id())), siteManager)
                    .andExpect(status().isOk());
        }
    }
}
