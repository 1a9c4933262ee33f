package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.care.CareProgrammeWorld.ENGLISH;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Defining and changing a programme with bad input: the form comes back with the message at the field. */
@ClockedIntegrationTest
class CareProgrammeFormTest {

    @Autowired
    CareProgrammeTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    CareProgrammeWorld world;

    @BeforeEach
    void theKnownHouseholds() {
        clock.set("2026-03-25T10:00");
        world = new CareProgrammeWorld(data, mvc);
    }

    @Test
    void missingAndMalformedFieldsAreSaidAtTheField() throws Exception {
        mvc.perform(create().param("name", " ").param("startsOn", "25/03/2026").param("movedInWithinDays", "seven"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("name", "Required."))
                .andExpect(Html.errorAt("startsOn", "Enter a date as yyyy-mm-dd."))
                .andExpect(Html.errorAt("movedInWithinDays", "Enter a whole number."));
        mvc.perform(create().param("name", "x".repeat(101)).param("startsOn", "2026-03-01").param("movedInWithinDays", "0"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("name", "Must be between 0 and 100 characters."))
                .andExpect(Html.errorAt("movedInWithinDays", "Must be at least 1."));
        assertThat(data.programmes(world.site)).isEmpty();
    }

    @Test
    void aPeriodEndingBeforeItStartsOrAOneOffWithoutEndIsRefusedAtTheEnd() throws Exception {
        mvc.perform(create().param("name", "春节慰问").param("startsOn", "2026-03-01").param("endsOn", "2026-02-01"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("endsOn", "The end must not be before the start."));
        mvc.perform(create("ONCE").param("name", "春节慰问").param("startsOn", "2026-03-01"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("endsOn", "A one-off programme needs an end date."));
        assertThat(data.programmes(world.site)).isEmpty();
    }

    @Test
    void aBuildingOfAnotherSiteIsRefusedAtTheBuilding() throws Exception {
        long otherBuilding = data.building(world.otherSite, "9");

        mvc.perform(create().param("name", "楼栋回访").param("startsOn", "2026-03-01")
                        .param("buildingId", String.valueOf(otherBuilding)))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("buildingId", "Choose a building of the programme's site."));
        assertThat(data.programmes(world.site)).isEmpty();
    }

    @Test
    void aChangedProgrammeAddsItsNewGroupToTheRoundAndKeepsThoseAlreadyListed() throws Exception {
        long programme = world.programme("重要客户拜访", Map.of("valueTier", "IMPORTANT"));

        mvc.perform(post("/care/programmes/" + programme).with(Users.as(world.manager)).with(csrf()).cookie(ENGLISH)
                        .param("name", "战略客户拜访").param("kind", "VISIT").param("repeat", "MONTHLY")
                        .param("startsOn", "2026-03-01").param("valueTier", "STRATEGIC"))
                .andExpect(status().is3xxRedirection());

        assertThat(data.programmes(world.site)).containsExactly("战略客户拜访");
        assertThat(data.households(programme, CareProgrammeWorld.MARCH)).containsExactly("1-102: 李先生", "2-201: 张女士");
        assertThat(world.page("/care/programmes/" + programme, world.desk)).contains("Visit", "Strategic");
    }

    private MockHttpServletRequestBuilder create() {
        return create("MONTHLY");
    }

    private MockHttpServletRequestBuilder create(String repeat) {
        return post("/care/programmes").with(Users.as(world.manager)).with(csrf()).cookie(ENGLISH)
                .param("siteId", String.valueOf(world.site)).param("kind", "CALL").param("repeat", repeat);
    }
}
