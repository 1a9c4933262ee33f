package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a house owes and how long it has been overdue, on known dates: the clock stands on Wednesday 25 March 2026 in
 * Shanghai, so a bill due on the 24th is one day overdue and one due today is not overdue at all.
 */
@ClockedIntegrationTest
class ArrearsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    ArrearsList arrears;

    @Autowired
    FeeLedger ledger;

    FeeTestData data;
    SiteRef site;
    long house;
    PropertyDeskUser desk;

    @BeforeEach
    void aSiteWithAHouseAndItsFrontDesk() {
        clock.set("2026-03-25T10:00");
        data = new FeeTestData(context);
        site = data.site();
        house = data.house(site, "1", "1", "101");
        data.customerIn(house, "欠费业主");
        desk = Users.frontDesk(site.id());
    }

    @Test
    void eachOverdueBillFallsInTheBandOfItsDaysOverdueAtTheEdgesOfTheBands() {
        data.bill(house, "物业费", "due-today", "1000.00", "0", LocalDate.of(2026, 3, 25));
        data.bill(house, "物业费", "1-day", "0.01", "0", LocalDate.of(2026, 3, 24));
        data.bill(house, "物业费", "30-days", "0.02", "0", LocalDate.of(2026, 2, 23));
        data.bill(house, "物业费", "31-days", "0.10", "0", LocalDate.of(2026, 2, 22));
        data.bill(house, "物业费", "90-days", "0.20", "0", LocalDate.of(2025, 12, 25));
        data.bill(house, "物业费", "91-days", "1.00", "0", LocalDate.of(2025, 12, 24));
        data.bill(house, "物业费", "180-days", "2.00", "0", LocalDate.of(2025, 9, 26));
        data.bill(house, "物业费", "181-days", "10.00", "0", LocalDate.of(2025, 9, 25));
        data.bill(house, "物业费", "paid-long-ago", "500.00", "500.00", LocalDate.of(2024, 1, 31));
        data.bill(house, "停车费", "part-paid", "150.00", "99.99", LocalDate.of(2026, 1, 31));

        ArrearsList.Amounts amounts = onlyRow(new ArrearsList.Filter(site.id(), null)).amounts();

        assertThat(amounts.upTo30()).isEqualByComparingTo("0.03");
        assertThat(amounts.days31To90()).isEqualByComparingTo("50.31");
        assertThat(amounts.days91To180()).isEqualByComparingTo("3.00");
        assertThat(amounts.over180()).isEqualByComparingTo("10.00");
        assertThat(amounts.total()).isEqualByComparingTo("63.34");

        FeeLedger.Balance balance = ledger.balances(List.of(house)).get(house);
        assertThat(balance.balance()).isEqualTo(new BigDecimal("1063.34"));
        assertThat(balance.overdue()).isEqualTo(new BigDecimal("63.34"));
        assertThat(balance.oldestOverdue()).isEqualTo(LocalDate.of(2025, 9, 25));
    }

    @Test
    void aBillBecomesOverdueTheDayAfterItsDueDateInShanghai() {
        data.bill(house, "物业费", "2026-03", "300.00", "0", LocalDate.of(2026, 3, 25));
        assertThat(ledger.balances(List.of(house)).get(house).overdue()).isEqualByComparingTo("0");

        clock.set("2026-03-26T00:05");

        assertThat(ledger.balances(List.of(house)).get(house).overdue()).isEqualByComparingTo("300.00");
        assertThat(onlyRow(new ArrearsList.Filter(site.id(), ArrearsBucket.UP_TO_30)).oldestDays()).isEqualTo(1);
    }

    @Test
    void theBandFilterListsHousesByTheirOldestOverdueBillAndTheTotalsCoverEveryListedHouse() {
        long recent = data.house(site, "1", "1", "102");
        long old = data.house(site, "1", "1", "103");
        data.bill(recent, "物业费", "2026-02", "100.00", "0", LocalDate.of(2026, 2, 28));
        data.bill(old, "物业费", "2025-06", "200.00", "0", LocalDate.of(2025, 6, 30));
        data.bill(old, "物业费", "2026-02", "100.00", "0", LocalDate.of(2026, 2, 28));

        ArrearsList.Result all = arrears.find(SiteScope.of(List.of(site.id())), new ArrearsList.Filter(site.id(), null), 0);
        assertThat(all.rows().getContent()).extracting(ArrearsList.Row::houseCode).containsExactly("1-1-103", "1-1-102");
        assertThat(all.totals().total()).isEqualByComparingTo("400.00");
        assertThat(all.totals().upTo30()).isEqualByComparingTo("200.00");
        assertThat(all.totals().over180()).isEqualByComparingTo("200.00");

        ArrearsList.Result older = arrears.find(SiteScope.of(List.of(site.id())),
                new ArrearsList.Filter(site.id(), ArrearsBucket.OVER_180), 0);
        assertThat(older.rows().getContent()).extracting(ArrearsList.Row::houseCode).containsExactly("1-1-103");
        assertThat(older.totals().total()).isEqualByComparingTo("300.00");
    }

    @Test
    void theArrearsPageShowsTheBandsAndTotalsOfTheSiteOnly() throws Exception {
        data.bill(house, "物业费", "2026-01", "1234.56", "0.56", LocalDate.of(2026, 1, 31));
        SiteRef elsewhere = data.site();
        long foreign = data.house(elsewhere, "9", "1", "901");
        data.bill(foreign, "物业费", "2026-01", "777.00", "0", LocalDate.of(2026, 1, 31));

        String page = mvc.perform(get("/affairs/fees").param("siteId", String.valueOf(site.id())).with(Users.as(desk)).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("1-1-101", "欠费业主", "¥1,234.00", "31–90 days", "Total, 1 house", "Not reminded yet")
                .doesNotContain("9-1-901", "777.00");
    }

    @Test
    void aReminderIsRecordedWithItsChannelOutcomeAndTheAmountOverdueThen() throws Exception {
        data.bill(house, "物业费", "2026-01", "500.00", "0", LocalDate.of(2026, 1, 31));

        mvc.perform(post("/affairs/fees/houses/" + house + "/reminders").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("channel", "PHONE").param("outcome", "PROMISED_TO_PAY").param("note", "月底前交"))
                .andExpect(status().is3xxRedirection());

        assertThat(data.reminders(house)).containsExactly("PHONE PROMISED_TO_PAY 500.00 月底前交");
        String page = mvc.perform(get("/affairs/fees/houses/" + house).with(Users.as(desk)).cookie(ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Phone · Promised to pay", "Overdue at the time: ¥500.00", "月底前交");
    }

    @Test
    void aCallThatReachedNobodyIsRecordedWithoutANote() throws Exception {
        data.bill(house, "物业费", "2026-01", "500.00", "0", LocalDate.of(2026, 1, 31));

        mvc.perform(post("/affairs/fees/houses/" + house + "/reminders").with(Users.as(desk)).with(csrf())
                        .param("channel", "PHONE").param("outcome", "NOT_REACHED").param("note", " "))
                .andExpect(status().is3xxRedirection());

        assertThat(data.reminders(house)).containsExactly("PHONE NOT_REACHED 500.00");
    }

    @Test
    void aReminderWithoutChannelOrOutcomeIsRefusedAtTheFields() throws Exception {
        mvc.perform(post("/affairs/fees/houses/" + house + "/reminders").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("channel", "").param("outcome", "TELEPATHY"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("channel", "Required."))
                .andExpect(Html.errorAt("outcome", "Not a valid value."));

        assertThat(data.reminders(house)).isEmpty();
    }

    @Test
    void aPortalReminderGoesToEveryListedHouseholdAndNotToOthers() throws Exception {
        long paidUp = data.house(site, "1", "1", "104");
        data.bill(house, "物业费", "2026-01", "500.00", "0", LocalDate.of(2026, 1, 31));
        data.bill(paidUp, "物业费", "2026-01", "500.00", "500.00", LocalDate.of(2026, 1, 31));

        mvc.perform(post("/affairs/fees/portal-reminders").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("siteId", String.valueOf(site.id())).param("note", "请尽快缴纳"))
                .andExpect(status().is3xxRedirection());

        assertThat(data.reminders(house)).containsExactly("PORTAL SENT 500.00 请尽快缴纳");
        assertThat(data.reminders(paidUp)).isEmpty();
    }

    @Test
    void anotherSitesHouseOrArrearsListIsNotFoundAndOtherRolesAreForbidden() throws Exception {
        PropertyDeskUser otherDesk = Users.frontDesk(data.site().id());
        mvc.perform(get("/affairs/fees/houses/" + house).with(Users.as(otherDesk))).andExpect(status().isNotFound());
        mvc.perform(get("/affairs/fees").param("siteId", String.valueOf(site.id())).with(Users.as(otherDesk)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/affairs/fees/houses/" + house + "/reminders").with(Users.as(otherDesk)).with(csrf())
                        .param("channel", "PHONE").param("outcome", "NOT_REACHED"))
                .andExpect(status().isNotFound());
        assertThat(data.reminders(house)).isEmpty();

        mvc.perform(get("/affairs/fees").with(Users.as(Users.withRole(Role.DISPATCHER, site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/affairs/fees/houses/" + house)
                        .with(Users.as(Users.withRole(Role.TECHNICIAN, site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/affairs/fees").with(Users.as(Users.manager(site.id())))).andExpect(status().isOk());
    }

    private ArrearsList.Row onlyRow(ArrearsList.Filter filter) {
        ArrearsList.Result result = arrears.find(SiteScope.of(List.of(site.id())), filter, 0);
        assertThat(result.rows().getContent()).hasSize(1);
        return result.rows().getContent().get(0);
    }
}
