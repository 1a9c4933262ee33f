package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.affairs.DecorationTestData.House;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Decorations as the front desk runs them, in English: registration and permit, inspections whose findings become
 * requests in one click, hot-work permits, acceptance settling the deposit, and the overdue list. The clock stands
 * on Wednesday 25 March 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class DecorationTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    DecorationTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long site;
    House house;
    PropertyDeskUser desk;

    @BeforeEach
    void aHouseAndItsFrontDesk() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        desk = data.frontDesk(site);
    }

    @Test
    void registeringIssuesAPrintablePermitAndMarksTheHouseAsBeingDecorated() throws Exception {
        long id = register(house, "2026-03-20", "2026-05-20", "5000");

        String permitNo = permitNo(id);
        assertThat(permitNo).matches("ZX2026-\\d{5}");
        assertThat(data.houseStatus(house.id())).isEqualTo("DECORATING");
        assertThat(jdbc.sql("select kind || ' ' || text from house_history where house_id = ?").params(house.id())
                .query(String.class).single()).startsWith("DECORATION Decoration registered, permit " + permitNo)
                .contains("安居装饰");
        assertThat(page(get("/affairs/decorations/" + id + "/permit"), desk)).contains("Permit No. " + permitNo,
                "安居装饰", "2 workers", "张师傅", "李师傅", "2026-03-20 – 2026-05-20", "¥5000.00", "data-print");
        assertThat(page(get("/affairs/decorations/houses/" + house.id() + "/section"), desk)).contains(permitNo);
    }

    @Test
    void badInputIsShownAtTheField() throws Exception {
        mvc.perform(post("/affairs/decorations/houses/" + house.id()).with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("contractor", "安居装饰").param("contractorPhone", "call me").param("workers", " ")
                        .param("startsOn", "2026-04-10").param("endsOn", "2026-04-01").param("workScope", "厨卫翻新")
                        .param("deposit", "-1"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("contractorPhone", "Enter a phone number"))
                .andExpect(Html.errorAt("workers", "Required."))
                .andExpect(Html.errorAt("endsOn", "Must not be before the start."))
                .andExpect(Html.errorAt("deposit", "Must be at least 0"));

        assertThat(jdbc.sql("select count(*) from decoration where house_id = ?").params(house.id()).query(Long.class)
                .single()).isZero();
        assertThat(data.houseStatus(house.id())).isEqualTo("VACANT");
    }

    @Test
    void anInspectionFindingBecomesAComplaintAboutTheHouseInOneClickAndOnlyOnce() throws Exception {
        long id = register(house, "2026-03-20", "2026-05-20", "5000");
        mvc.perform(post("/affairs/decorations/" + id + "/inspections").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                .param("finding", "楼道堆放建筑垃圾")).andExpect(status().is3xxRedirection());
        long inspection = inspection(id, "楼道堆放建筑垃圾");

        mvc.perform(raise(id, inspection)).andExpect(redirectedUrl("/affairs/decorations/" + id));

        long request = jdbc.sql("select request_id from decoration_inspection where id = ?").params(inspection)
                .query(Long.class).single();
        assertThat(jdbc.sql("""
                select r.kind || ' ' || c.code || ' ' || r.channel || ' ' || r.house_id from service_request r
                join request_category c on c.id = r.category_id where r.id = ?
                """).params(request).query(String.class).single())
                .isEqualTo("COMPLAINT DECORATION PATROL " + house.id());
        assertThat(jdbc.sql("select description from service_request where id = ?").params(request).query(String.class)
                .single()).contains(permitNo(id), "楼道堆放建筑垃圾");
        String number = jdbc.sql("select number from service_request where id = ?").params(request).query(String.class)
                .single();
        assertThat(page(get("/affairs/decorations/" + id), desk)).contains("Request " + number, "/requests/" + request)
                .doesNotContain("Make it a service request");

        mvc.perform(raise(id, inspection))
                .andExpect(refused("decoration.error.alreadyRaised"));
        assertThat(jdbc.sql("select count(*) from service_request where house_id = ?").params(house.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInspectionWithEverythingInOrderHasNothingToRaise() throws Exception {
        long id = register(house, "2026-03-20", "2026-05-20", "5000");
        mvc.perform(post("/affairs/decorations/" + id + "/inspections").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                .param("finding", "施工规范").param("compliant", "true")).andExpect(status().is3xxRedirection());

        mvc.perform(raise(id, inspection(id, "施工规范")))
                .andExpect(refused("decoration.error.nothingToRaise"));
        assertThat(jdbc.sql("select count(*) from service_request where house_id = ?").params(house.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void acceptanceRefundsTheDepositInFullAndTheHouseGoesBackToWhatItWas() throws Exception {
        long id = register(house, "2026-03-01", "2026-03-24", "5000");

        mvc.perform(accept(id, "", "")).andExpect(redirectedUrl("/affairs/decorations/" + id));

        assertThat(deposit(id)).isEqualTo("REFUNDED null null 2026-03-25");
        assertThat(data.houseStatus(house.id())).isEqualTo("VACANT");
        assertThat(page(get("/affairs/decorations/" + id), desk)).contains("Refunded: ¥5000.00", "Accepted");
    }

    @Test
    void aDeductionNeedsAReasonCannotExceedTheDepositAndTheDepositIsSettledOnce() throws Exception {
        long id = register(house, "2026-03-01", "2026-03-24", "5000");

        mvc.perform(accept(id, "6000", "墙面损坏")).andExpect(status().isOk())
                .andExpect(Html.errorAt("deduction", "Cannot deduct more than the deposit."));
        mvc.perform(accept(id, "800", "")).andExpect(status().isOk())
                .andExpect(Html.errorAt("reason", "Give the reason for the deduction."));
        assertThat(deposit(id)).isEqualTo("HELD null null null");

        mvc.perform(accept(id, "800", "电梯轿厢划伤")).andExpect(status().is3xxRedirection());
        assertThat(deposit(id)).isEqualTo("DEDUCTED 800.00 电梯轿厢划伤 2026-03-25");
        assertThat(page(get("/affairs/decorations/" + id), desk)).contains("Refunded: ¥4200.00", "Deducted: ¥800.00");

        mvc.perform(accept(id, "", "")).andExpect(refused("decoration.error.alreadyAccepted"));
        assertThat(deposit(id)).isEqualTo("DEDUCTED 800.00 电梯轿厢划伤 2026-03-25");
        mvc.perform(post("/affairs/decorations/" + id + "/inspections").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("finding", "验收后又来施工"))
                .andExpect(refused("decoration.error.accepted"));
    }

    @Test
    void hotWorkIsPermittedWithinThePeriodForAShiftAtMost() throws Exception {
        long id = register(house, "2026-03-20", "2026-03-31", "5000");

        mvc.perform(hotWork(id, "2026-03-26T14:00", "2026-03-26T09:00")).andExpect(status().isOk())
                .andExpect(Html.errorAt("endsAt", "Must be after the start."));
        mvc.perform(hotWork(id, "2026-03-26T08:00", "2026-03-26T22:00")).andExpect(status().isOk())
                .andExpect(Html.errorAt("endsAt", "at most 12 hours"));
        mvc.perform(hotWork(id, "2026-04-01T09:00", "2026-04-01T12:00")).andExpect(status().isOk())
                .andExpect(Html.errorAt("startsAt", "Must lie within the decoration period."));
        mvc.perform(post("/affairs/decorations/" + id + "/hot-work").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("startsAt", "2026-03-26T09:00").param("endsAt", "2026-03-26T12:00"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("workPlace", "Required."))
                .andExpect(Html.errorAt("approver", "Required."));

        mvc.perform(hotWork(id, "2026-03-26T09:00", "2026-03-26T12:00")).andExpect(status().is3xxRedirection());
        assertThat(page(get("/affairs/decorations/" + id + "/permit"), desk))
                .contains("2026-03-26 09:00 – 2026-03-26 12:00", "厨房燃气管道焊接", "approved by 工程部赵工");
    }

    @Test
    void theSiteListsOverdueAndUnacceptedDecorations() throws Exception {
        long overdue = register(house, "2026-03-01", "2026-03-24", "3000");
        long endsToday = register(data.house(site), "2026-03-01", "2026-03-25", "3000");
        long accepted = register(data.house(site), "2026-03-01", "2026-03-20", "3000");
        mvc.perform(accept(accepted, "", "")).andExpect(status().is3xxRedirection());

        assertThat(list("OVERDUE")).contains(permitNo(overdue)).doesNotContain(permitNo(endsToday), permitNo(accepted));
        assertThat(list("OPEN")).contains(permitNo(overdue), permitNo(endsToday)).doesNotContain(permitNo(accepted));
        assertThat(list("ACCEPTED")).contains(permitNo(accepted)).doesNotContain(permitNo(overdue));

        clock.set("2026-03-26T09:00");
        assertThat(list("OVERDUE")).contains(permitNo(overdue), permitNo(endsToday));
    }

    @Test
    void dispatchersReadTechniciansAreTurnedAwayAndOtherSitesDecorationsDoNotExist() throws Exception {
        long id = register(house, "2026-03-20", "2026-05-20", "5000");
        PropertyDeskUser dispatcher = data.dispatcher(site);
        PropertyDeskUser elsewhere = data.frontDesk(data.site());

        mvc.perform(get("/affairs/decorations/" + id).with(Users.as(dispatcher))).andExpect(status().isOk());
        mvc.perform(get("/affairs/decorations").param("siteId", String.valueOf(site)).with(Users.as(dispatcher)))
                .andExpect(status().isOk());
        mvc.perform(accept(dispatcher, id, "", "")).andExpect(status().isForbidden());
        mvc.perform(get("/affairs/decorations/new").param("houseId", String.valueOf(house.id())).with(Users.as(dispatcher)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/affairs/decorations").with(Users.as(data.technician(site)))).andExpect(status().isForbidden());

        mvc.perform(get("/affairs/decorations/" + id).with(Users.as(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(get("/affairs/decorations/" + id + "/permit").with(Users.as(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(get("/affairs/decorations/houses/" + house.id() + "/section").with(Users.as(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/affairs/decorations").param("siteId", String.valueOf(site)).with(Users.as(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(accept(elsewhere, id, "", "")).andExpect(status().isNotFound());
        assertThat(deposit(id)).startsWith("HELD");
        assertThat(page(get("/affairs/decorations"), elsewhere)).doesNotContain(permitNo(id));
    }

    private long register(House where, String startsOn, String endsOn, String deposit) throws Exception {
        String location = mvc.perform(post("/affairs/decorations/houses/" + where.id()).with(Users.as(desk)).with(csrf())
                        .cookie(ENGLISH).param("contractor", "安居装饰").param("contractorPhone", "138 0013 8000")
                        .param("workers", "张师傅\n李师傅\n").param("startsOn", startsOn).param("endsOn", endsOn)
                        .param("workScope", "厨卫翻新，铺设木地板").param("deposit", deposit))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletRequestBuilder accept(long id, String deduction, String reason) {
        return accept(desk, id, deduction, reason);
    }

    private MockHttpServletRequestBuilder accept(PropertyDeskUser who, long id, String deduction, String reason) {
        return post("/affairs/decorations/" + id + "/accept").with(Users.as(who)).with(csrf()).cookie(ENGLISH)
                .param("deduction", deduction).param("reason", reason);
    }

    private MockHttpServletRequestBuilder raise(long id, long inspection) {
        return post("/affairs/decorations/" + id + "/inspections/" + inspection + "/request").with(Users.as(desk))
                .with(csrf()).cookie(ENGLISH);
    }

    private MockHttpServletRequestBuilder hotWork(long id, String startsAt, String endsAt) {
        return post("/affairs/decorations/" + id + "/hot-work").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                .param("startsAt", startsAt).param("endsAt", endsAt).param("workPlace", "厨房燃气管道焊接")
                .param("approver", "工程部赵工");
    }

    /** The page the user came from, with the rule's message to show on it. */
    private static ResultMatcher refused(String messageKey) {
        return result -> {
            assertThat(result.getResponse().getStatus()).isEqualTo(302);
            assertThat(((Flash.FlashMessage) result.getFlashMap().get("flashError")).key()).isEqualTo(messageKey);
        };
    }

    private long inspection(long decorationId, String finding) {
        return jdbc.sql("select id from decoration_inspection where decoration_id = ? and finding = ?")
                .params(decorationId, finding).query(Long.class).single();
    }

    private String permitNo(long id) {
        return jdbc.sql("select permit_no from decoration where id = ?").params(id).query(String.class).single();
    }

    /** The deposit as "state deducted reason accepted-on". */
    private String deposit(long id) {
        return jdbc.sql("""
                select deposit_state || ' ' || coalesce(deposit_deducted::text, 'null') || ' '
                       || coalesce(deposit_reason, 'null') || ' ' || coalesce(accepted_on::text, 'null')
                from decoration where id = ?
                """).params(id).query(String.class).single();
    }

    private String list(String show) throws Exception {
        return page(get("/affairs/decorations").param("siteId", String.valueOf(site)).param("show", show), desk);
    }

    private String page(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(Users.as(who)).cookie(ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
