package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Parking spaces of a site, who holds them, and the leases to remind about, in English. The clock stands on
 * Wednesday 25 March 2026, 10:00 in Shanghai, so "within 30 days" runs to 24 April.
 */
@ClockedIntegrationTest
class ParkingTest {

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
    String phone;
    PropertyDeskUser desk;

    @BeforeEach
    void aHouseholdAndItsFrontDesk() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        phone = data.phone();
        data.customer(site, "赵车主", phone);
        desk = data.frontDesk(site);
    }

    @Test
    void leasesEndingFromTodayToThirtyDaysAheadAreListedSoonestFirst() throws Exception {
        long endsIn30 = space("LEASED", "L-30");
        long endsToday = space("LEASED", "L-00");
        long endsIn31 = space("LEASED", "L-31");
        long endedYesterday = space("LEASED", "L-01");
        long ownedWithEnd = space("OWNED", "O-10");
        for (var lease : new Object[][] {{endsIn30, "2026-04-24"}, {endsToday, "2026-03-25"}, {endsIn31, "2026-04-25"},
                {endedYesterday, "2026-03-24"}, {ownedWithEnd, "2026-04-01"}}) {
            mvc.perform(assign((long) lease[0], house.code(), phone, "沪A12345", "2025-04-01", (String) lease[1]))
                    .andExpect(status().is3xxRedirection());
        }

        String list = page(get("/affairs/parking/leases-ending").param("siteId", String.valueOf(site)), desk);

        assertThat(list).contains("L-00", "L-30", ">in 0 days<", ">in 30 days<", "赵车主", house.code())
                .doesNotContain("L-31", "L-01", "O-10");
        assertThat(list.indexOf("L-00")).isLessThan(list.indexOf("L-30"));

        clock.set("2026-03-26T09:00");
        assertThat(page(get("/affairs/parking/leases-ending").param("siteId", String.valueOf(site)), desk))
                .contains("L-30", "L-31").doesNotContain("L-00");
    }

    @Test
    void anAssignedSpaceShowsItsHolderOnTheListAndTheHousePage() throws Exception {
        long id = space("OWNED", "B1-023");

        mvc.perform(assign(id, house.code(), phone, "沪a·12345, 苏E-88888", "2026-03-01", ""))
                .andExpect(status().is3xxRedirection());

        assertThat(page(get("/affairs/parking").param("siteId", String.valueOf(site)), desk))
                .contains("B1-023", "Owned", "赵车主", "沪A12345,苏E88888");
        assertThat(page(get("/affairs/parking/houses/" + house.id() + "/section"), desk))
                .contains("B1-023", "赵车主", "open-ended");
        assertThat(page(get("/records/houses/" + house.id()), desk))
                .contains("/affairs/parking/houses/" + house.id() + "/section");
    }

    @Test
    void assignmentsAreRefusedForVisitorSpacesOverlapsAndBadInput() throws Exception {
        long visitor = space("VISITOR", "V-01");
        long leased = space("LEASED", "L-01");

        mvc.perform(assign(visitor, house.code(), phone, "沪A12345", "2026-03-25", "2026-12-31"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(((Flash.FlashMessage) result.getFlashMap().get("flashError")).key())
                        .isEqualTo("parking.error.visitorSpace"));
        mvc.perform(assign(leased, "9-9-9999", "13000000000", "ABC", "2026-03-25", ""))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("houseCode", "No such house on this space's site."))
                .andExpect(Html.errorAt("customerPhone", "No customer of this site has this phone number."))
                .andExpect(Html.errorAt("plateNumbers", "Enter plate numbers such as"))
                .andExpect(Html.errorAt("endsOn", "A lease needs an end date."));

        mvc.perform(assign(leased, house.code(), phone, "沪A12345", "2026-01-01", "2026-06-30"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(assign(leased, house.code(), phone, "沪B54321", "2026-06-30", "2026-12-31"))
                .andExpect(status().isOk()).andExpect(Html.formError("already held by someone during these dates"));
        assertThat(jdbc.sql("select count(*) from parking_assignment where space_id in (?, ?)").params(visitor, leased)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSpaceNumberIsUniqueOnItsSite() throws Exception {
        space("LEASED", "B1-100");

        mvc.perform(newSpace("LEASED", "b1-100")).andExpect(status().isOk())
                .andExpect(Html.errorAt("number", "This site already has a space B1-100."));
        mvc.perform(newSpace("LEASED", "B1/100")).andExpect(status().isOk())
                .andExpect(Html.errorAt("number", "Letters, digits and dashes only."));
    }

    @Test
    void dispatchersReadTechniciansAreTurnedAwayAndOtherSitesSpacesDoNotExist() throws Exception {
        long id = space("LEASED", "B2-001");
        PropertyDeskUser dispatcher = data.dispatcher(site);
        PropertyDeskUser elsewhere = data.frontDesk(data.site());
        String siteId = String.valueOf(site);

        mvc.perform(get("/affairs/parking/" + id).with(Users.as(dispatcher))).andExpect(status().isOk());
        mvc.perform(get("/affairs/parking/leases-ending").with(Users.as(dispatcher))).andExpect(status().isOk());
        mvc.perform(post("/affairs/parking").with(Users.as(dispatcher)).with(csrf()).param("siteId", siteId)
                .param("number", "X-1").param("type", "LEASED")).andExpect(status().isForbidden());
        mvc.perform(get("/affairs/parking").with(Users.as(data.technician(site)))).andExpect(status().isForbidden());

        mvc.perform(get("/affairs/parking/" + id).with(Users.as(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(assign(elsewhere, id, house.code(), phone, "沪A12345", "2026-03-25", "2026-12-31"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/affairs/parking").param("siteId", siteId).with(Users.as(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(get("/affairs/parking/leases-ending").param("siteId", siteId).with(Users.as(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/affairs/parking/houses/" + house.id() + "/section").with(Users.as(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(newSpace(elsewhere, "LEASED", "B2-002")).andExpect(status().isOk())
                .andExpect(Html.errorAt("siteId", "You do not serve this site."));
        assertThat(page(get("/affairs/parking"), elsewhere)).doesNotContain("B2-001");
    }

    private long space(String type, String number) throws Exception {
        String location = mvc.perform(newSpace(type, number)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletRequestBuilder newSpace(String type, String number) {
        return newSpace(desk, type, number);
    }

    private MockHttpServletRequestBuilder newSpace(PropertyDeskUser who, String type, String number) {
        return post("/affairs/parking").with(Users.as(who)).with(csrf()).cookie(ENGLISH)
                .param("siteId", String.valueOf(site)).param("number", number).param("type", type)
                .param("location", "地下一层");
    }

    private MockHttpServletRequestBuilder assign(long spaceId, String houseCode, String customerPhone, String plates,
            String startsOn, String endsOn) {
        return assign(desk, spaceId, houseCode, customerPhone, plates, startsOn, endsOn);
    }

    private MockHttpServletRequestBuilder assign(PropertyDeskUser who, long spaceId, String houseCode,
            String customerPhone, String plates, String startsOn, String endsOn) {
        return post("/affairs/parking/" + spaceId + "/assignments").with(Users.as(who)).with(csrf()).cookie(ENGLISH)
                .param("houseCode", houseCode).param("customerPhone", customerPhone).param("plateNumbers", plates)
                .param("startsOn", startsOn).param("endsOn", endsOn);
    }

    private String page(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(Users.as(who)).cookie(ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
