package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.propertydesk.support.ApiClient.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bills where owners and other modules' pages see them: the owner's bills page in the portal and the bills API, each
 * for the owner's own household only; the customer 360 section and the caller lookup's badge for the front desk.
 * Bills are due long ago (overdue) or far ahead (not yet due), so the real clock gives the same figures every day.
 */
@WebIntegrationTest
class FeeOwnerAndApiTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 31);
    private static final LocalDate FAR_AHEAD = LocalDate.of(2099, 12, 31);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    FeeTestData data;
    SiteRef site;
    long houseA;
    long houseB;
    long ownerA;
    String usernameA;
    String usernameB;

    @BeforeEach
    void twoHouseholdsWithBills() {
        data = new FeeTestData(context);
        site = data.site();
        houseA = data.house(site, "2", "1", "0601");
        houseB = data.house(site, "2", "1", "0602");
        ownerA = data.customerIn(houseA, "业主甲");
        usernameA = data.ownerAccount(ownerA);
        usernameB = data.ownerAccount(data.customerIn(houseB, "业主乙"));
        data.bill(houseA, "物业费", "2020-01", "1280.10", "280.05", LONG_AGO);
        data.bill(houseA, "物业费", "2099-12", "1280.10", "0", FAR_AHEAD);
        data.bill(houseB, "物业费", "2020-01", "999.99", "0", LONG_AGO);
    }

    @Test
    void theOwnerSeesTheirOwnBillsBalanceAndOverdueInThePortal() throws Exception {
        String page = mvc.perform(get("/portal/bills").with(Users.as(data.owner(usernameA))).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("2-1-0601", "¥2,280.15", "¥1,000.05", "¥1,280.10", "¥280.05", "2020-01", "2099-12")
                .doesNotContain("2-1-0602", "999.99");
    }

    @Test
    void anotherHouseholdsHouseIsNotFoundInThePortal() throws Exception {
        mvc.perform(get("/portal/bills").param("house", String.valueOf(houseB)).with(Users.as(data.owner(usernameA))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/bills").with(Users.as(Users.frontDesk(site.id())))).andExpect(status().isForbidden());
    }

    @Test
    void aPortalReminderShowsAsABannerWhileTheHouseholdIsInArrears() throws Exception {
        PropertyDeskUser desk = Users.frontDesk(site.id());
        mvc.perform(post("/affairs/fees/portal-reminders").with(Users.as(desk)).with(csrf())
                        .param("siteId", String.valueOf(site.id())).param("note", "请于月底前缴纳"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/portal/bills").with(Users.as(data.owner(usernameA))).cookie(ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("fee-reminder-banner", "House 2-1-0601 has ¥1,000.05 overdue", "请于月底前缴纳");

        data.payEverything(houseA);
        String paid = mvc.perform(get("/portal/bills").with(Users.as(data.owner(usernameA))).cookie(ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(paid).doesNotContain("fee-reminder-banner").contains("请于月底前缴纳");
    }

    @Test
    void theApiGivesTheOwnerTheirHousesBillsAsDecimalStringsAndNothingElse() throws Exception {
        String token = ApiClient.token(mvc, usernameA, FeeTestData.OWNER_PASSWORD);

        mvc.perform(get("/api/v1/houses/{id}/bills", houseA).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.houseCode").value("2-1-0601"))
                .andExpect(jsonPath("$.balance").value("2280.15"))
                .andExpect(jsonPath("$.overdue").value("1000.05"))
                .andExpect(jsonPath("$.bills[*].period", contains("2099-12", "2020-01")))
                .andExpect(jsonPath("$.bills[1].amountDue").value("1280.10"))
                .andExpect(jsonPath("$.bills[1].amountPaid").value("280.05"))
                .andExpect(jsonPath("$.bills[1].outstanding").value("1000.05"))
                .andExpect(jsonPath("$.bills[1].ageing").value("OVER_180"))
                .andExpect(jsonPath("$.bills[0].ageing").value(nullValue()));

        mvc.perform(get("/api/v1/houses/{id}/bills", houseB).with(bearer(token))).andExpect(status().isNotFound());
    }

    @Test
    void theApiGivesStaffTheHousesOfTheirSitesOnly() throws Exception {
        StaffFixtures staff = new StaffFixtures(context);
        String desk = StaffFixtures.uniqueUsername("feedesk");
        staff.account(desk, Set.of(Role.FRONT_DESK), List.of(site.id()));
        String elsewhere = StaffFixtures.uniqueUsername("feeelse");
        staff.account(elsewhere, Set.of(Role.FRONT_DESK), List.of(data.site().id()));
        String technician = StaffFixtures.uniqueUsername("feetech");
        staff.account(technician, Set.of(Role.TECHNICIAN), List.of(site.id()));

        mvc.perform(get("/api/v1/houses/{id}/bills", houseB).with(bearer(ApiClient.token(mvc, desk, StaffFixtures.PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value("999.99"));
        mvc.perform(get("/api/v1/houses/{id}/bills", houseB).with(bearer(ApiClient.token(mvc, elsewhere, StaffFixtures.PASSWORD))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/houses/{id}/bills", houseB).with(bearer(ApiClient.token(mvc, technician, StaffFixtures.PASSWORD))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCustomerPageSectionShowsTheHouseholdsBalanceToTheDeskAndNotToDispatchers() throws Exception {
        String section = mvc.perform(get("/affairs/fees/customers/{id}/section", ownerA)
                        .with(Users.as(Users.frontDesk(site.id()))).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section).contains("¥2,280.15", "¥1,000.05", "oldest due 2020-01-31", "/affairs/fees/houses/" + houseA);

        String dispatcher = mvc.perform(get("/affairs/fees/customers/{id}/section", ownerA)
                        .with(Users.as(Users.withRole(Role.DISPATCHER, site.id()))).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dispatcher).contains("front desk and managers only").doesNotContain("2,280.15");

        mvc.perform(get("/affairs/fees/customers/{id}/section", ownerA).with(Users.as(Users.frontDesk(data.site().id()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/affairs/fees/customers/{id}/section", ownerA).with(Users.as(Users.withRole(Role.TECHNICIAN, site.id()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theLookupShowsACallersOverdueFeesBesideTheirNameToTheDeskOfTheirSite() throws Exception {
        PropertyDeskUser desk = Users.frontDesk(site.id());
        String lookup = mvc.perform(get("/records/lookup").param("q", "业主甲").with(Users.as(desk)).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lookup).contains("id=\"fee-badge-" + ownerA + "\"", "/affairs/fees/badges?customerId=" + ownerA);

        long paidUp = data.customerIn(data.house(site, "2", "1", "0603"), "业主丙");
        String badges = mvc.perform(get("/affairs/fees/badges").param("customerId", String.valueOf(ownerA), String.valueOf(paidUp))
                        .with(Users.as(desk)).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badges).contains("id=\"fee-badge-" + ownerA + "\"", "hx-swap-oob", "Overdue ¥1,000.05")
                .doesNotContain("fee-badge-" + paidUp);

        String otherSite = mvc.perform(get("/affairs/fees/badges").param("customerId", String.valueOf(ownerA))
                        .with(Users.as(Users.frontDesk(data.site().id()))).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(otherSite).doesNotContain("fee-badge", "Overdue");
        mvc.perform(get("/affairs/fees/badges").param("customerId", String.valueOf(ownerA))
                        .with(Users.as(Users.withRole(Role.DISPATCHER, site.id()))))
                .andExpect(status().isForbidden());
    }
}
