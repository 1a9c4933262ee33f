package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.affairs.DecorationTestData.House;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The move-in handover of a house, in English: completing the checklist moves the occupant in, marks the house and
 * writes its history, and the signed form prints. The clock stands on 25 March 2026 in Shanghai.
 */
@ClockedIntegrationTest
class MoveInTest {

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
    long owner;
    String ownerPhone;
    PropertyDeskUser desk;

    @BeforeEach
    void aVacantHouseAndItsBuyer() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        ownerPhone = data.phone();
        owner = data.customer(site, "王建国", ownerPhone);
        desk = data.frontDesk(site);
    }

    @Test
    void completingTheChecklistMovesTheOwnerInMarksTheHouseOccupiedAndWritesItsHistory() throws Exception {
        mvc.perform(handover(desk, house.id()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/affairs/move-in/*"));

        assertThat(jdbc.sql("""
                select role || ' ' || start_date || ' ' || primary_contact from occupancy
                where house_id = ? and customer_id = ? and end_date is null
                """).params(house.id(), owner).query(String.class).list()).containsExactly("OWNER 2026-03-25 true");
        assertThat(data.houseStatus(house.id())).isEqualTo("OCCUPIED");
        assertThat(jdbc.sql("select kind || ' ' || entry_date || ' ' || text from house_history where house_id = ?")
                .params(house.id()).query(String.class).single())
                .startsWith("USAGE 2026-03-25 ").contains("王建国", "3 keys", "water 123.40", "electricity 2048.00", "gas -");
        assertThat(jdbc.sql("select count(*) from customer_change where customer_id = ?").params(owner)
                .query(Long.class).single()).as("the customer's change log notes the move-in").isEqualTo(1);
    }

    @Test
    void theSignedFormPrintsWithEverythingCheckedAndTheHousePageListsIt() throws Exception {
        String location = mvc.perform(handover(desk, house.id())).andReturn().getResponse().getRedirectedUrl();

        String form = page(get(location), desk);
        assertThat(form).contains("Move-in handover form", house.code(), "王建国", "Owner", "ID card", "Purchase contract",
                "123.40", "2048.00", "Access card x2", "data-print", "/js/print.js");
        assertThat(page(get("/affairs/move-in/houses/" + house.id() + "/section"), desk))
                .contains("2026-03-25", "王建国", "3 keys", location);
        assertThat(page(get("/records/houses/" + house.id()), desk))
                .contains("/affairs/move-in/houses/" + house.id() + "/section");
    }

    @Test
    void aTenantsHandoverMarksTheHouseRented() throws Exception {
        long tenantId = data.customer(site, "李租客", "13712340000");
        mvc.perform(handover(desk, house.id(), "137 1234 0000", "TENANT", "李租客"))
                .andExpect(status().is3xxRedirection());

        assertThat(data.houseStatus(house.id())).isEqualTo("RENTED");
        assertThat(jdbc.sql("select role from occupancy where house_id = ? and customer_id = ?").params(house.id(), tenantId)
                .query(String.class).single()).isEqualTo("TENANT");
    }

    @Test
    void badInputIsShownAtTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/affairs/move-in/houses/" + house.id()).with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("customerPhone", "13000000001").param("role", "OWNER").param("handoverDate", "2026-03-25")
                        .param("keysHanded", "-1").param("waterReading", "abc").param("electricityReading", "1.234")
                        .param("confirmedByName", ""))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("customerPhone", "No customer of this site has this phone number"))
                .andExpect(Html.errorAtGroup("documents", "Choose at least one."))
                .andExpect(Html.errorAt("keysHanded", "Must be at least 0."))
                .andExpect(Html.errorAt("waterReading", "Enter a number."))
                .andExpect(Html.errorAt("electricityReading", "Too many digits."))
                .andExpect(Html.errorAt("confirmedByName", "Required."));

        assertThat(jdbc.sql("select count(*) from move_in_handover where house_id = ?").params(house.id())
                .query(Long.class).single()).isZero();
        assertThat(data.houseStatus(house.id())).isEqualTo("VACANT");
    }

    @Test
    void handingOverTwiceToTheSameOwnerIsRefusedWithoutASecondChecklist() throws Exception {
        mvc.perform(handover(desk, house.id())).andExpect(status().is3xxRedirection());

        mvc.perform(handover(desk, house.id()))
                .andExpect(status().isOk())
                .andExpect(Html.formError("already"));

        assertThat(jdbc.sql("select count(*) from move_in_handover where house_id = ?").params(house.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void dispatchersReadTechniciansAreTurnedAwayAndOtherSitesHousesDoNotExist() throws Exception {
        String location = mvc.perform(handover(desk, house.id())).andReturn().getResponse().getRedirectedUrl();
        long otherSite = data.site();
        PropertyDeskUser dispatcher = data.dispatcher(site);
        PropertyDeskUser elsewhere = data.frontDesk(otherSite);

        mvc.perform(get(location).with(Users.as(dispatcher))).andExpect(status().isOk());
        mvc.perform(get("/affairs/move-in/houses/" + house.id() + "/new").with(Users.as(dispatcher)))
                .andExpect(status().isForbidden());
        mvc.perform(handover(dispatcher, house.id())).andExpect(status().isForbidden());
        mvc.perform(get(location).with(Users.as(data.technician(site)))).andExpect(status().isForbidden());

        mvc.perform(get(location).with(Users.as(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(get("/affairs/move-in/houses/" + house.id() + "/new").with(Users.as(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/affairs/move-in/houses/" + house.id() + "/section").with(Users.as(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(handover(elsewhere, house.id())).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder handover(PropertyDeskUser who, long houseId) {
        return handover(who, houseId, ownerPhone, "OWNER", "王建国");
    }

    private MockHttpServletRequestBuilder handover(PropertyDeskUser who, long houseId, String phone, String role,
            String signedName) {
        return post("/affairs/move-in/houses/" + houseId).with(Users.as(who)).with(csrf()).cookie(ENGLISH)
                .param("customerPhone", phone).param("role", role).param("handoverDate", "2026-03-25")
                .param("documents", "ID_CARD", "PURCHASE_CONTRACT").param("keysHanded", "3")
                .param("waterReading", "123.40").param("electricityReading", "2048.00")
                .param("itemsIssued", "Access card x2").param("confirmedByName", signedName);
    }

    private String page(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(Users.as(who)).cookie(ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
