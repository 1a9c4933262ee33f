package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.care.CareProgrammeWorld.ENGLISH;
import static org.propertydesk.care.CareProgrammeWorld.MARCH;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Coverage of a monthly call to the elderly living alone of {@link CareProgrammeWorld} (王奶奶 at 1-101 and 张老太 at
 * 2-201) as the front desk records its calls: reached households over targeted ones, where a call that did not get
 * through is no coverage; each contact also lands in the customer's communication log; April starts a new round.
 */
@ClockedIntegrationTest
class CareCoverageTest {

    static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    @Autowired
    CareProgrammeTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    CareProgrammeWorld world;
    long programme;

    @BeforeEach
    void aMonthlyCallToTheElderlyLivingAlone() throws Exception {
        clock.set("2026-03-25T10:00");
        world = new CareProgrammeWorld(data, mvc);
        programme = world.programme("独居老人月度电话", Map.of("careFlag", "ELDERLY_ALONE"));
    }

    @Test
    void coverageCountsReachedHouseholdsAndACallThatDidNotGetThroughIsNoCoverage() throws Exception {
        long wang = data.task(programme, MARCH, "1-101");
        long mother = data.task(programme, MARCH, "2-201");
        assertThat(programmePage()).contains("0 of 2 reached (0%)", "2 to contact, 0 not reachable");

        world.contact(wang, "DONE", "身体很好，叮嘱注意保暖");
        assertThat(programmePage()).contains("1 of 2 reached (50%)", "1 to contact, 0 not reachable", "身体很好，叮嘱注意保暖");

        world.contact(mother, "NOT_REACHABLE", "无人接听");
        assertThat(data.taskStatus(mother)).isEqualTo("NOT_REACHABLE");
        assertThat(programmePage()).contains("1 of 2 reached (50%)", "0 to contact, 1 not reachable");

        world.contact(mother, "DECLINED", "老人说不必每月打电话");
        assertThat(programmePage()).contains("2 of 2 reached (100%)");
    }

    @Test
    void aFailedCallAfterReachingTheHouseholdDoesNotTakeTheCoverageBack() throws Exception {
        long wang = data.task(programme, MARCH, "1-101");
        world.contact(wang, "DONE", null);
        world.contact(wang, "NOT_REACHABLE", "回拨无人接听");

        assertThat(data.taskStatus(wang)).isEqualTo("DONE");
        assertThat(programmePage()).contains("1 of 2 reached (50%)");
        assertThat(world.page("/care/tasks/" + wang, world.desk)).contains("Done", "Not reachable", "回拨无人接听");
    }

    @Test
    void eachContactIsWrittenToTheCustomersCommunicationLogAndShownOnTheCustomerPage() throws Exception {
        world.contact(data.task(programme, MARCH, "1-101"), "DONE", "身体很好");
        world.contact(data.task(programme, MARCH, "2-201"), "NOT_REACHABLE", null);

        assertThat(data.communications(world.wang))
                .containsExactly("CALL OUTBOUND Care programme \"独居老人月度电话\": Done. 身体很好");
        assertThat(data.communications(world.mother))
                .containsExactly("CALL OUTBOUND Care programme \"独居老人月度电话\": Not reachable");
        assertThat(world.page("/care/customers/" + world.wang + "/contacts", world.desk))
                .contains("独居老人月度电话", "1-101", "Done", "身体很好");
        assertThat(world.page("/care/customers/" + world.li + "/contacts", world.desk)).contains("No care contacts yet.");
    }

    @Test
    void aNewMonthStartsANewRoundWhileTheLastOneKeepsItsCoverageAndTakesNoMoreContacts() throws Exception {
        long wangInMarch = data.task(programme, MARCH, "1-101");
        world.contact(wangInMarch, "DONE", null);

        clock.set("2026-04-02T09:00");
        assertThat(programmePage()).contains("0 of 2 reached (0%)", "2026-04-01 – 2026-04-30");
        assertThat(data.households(programme, APRIL)).containsExactly("1-101: 王奶奶", "2-201: 张老太");
        assertThat(world.page("/care/programmes/" + programme + "?round=2026-03-01", world.desk))
                .contains("1 of 2 reached (50%)", "Round over");

        String refused = mvc.perform(post("/care/tasks/" + data.task(programme, MARCH, "2-201") + "/contacts")
                        .with(Users.as(world.desk)).with(csrf()).cookie(ENGLISH).param("outcome", "DONE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("This round is over; contacts go into the current round.");
        assertThat(data.taskStatus(data.task(programme, MARCH, "2-201"))).isEqualTo("OPEN");
    }

    @Test
    void aContactNeedsAnOutcomeAndAShortEnoughNoteSaidAtTheField() throws Exception {
        long wang = data.task(programme, MARCH, "1-101");

        mvc.perform(post("/care/tasks/" + wang + "/contacts").with(Users.as(world.desk)).with(csrf()).cookie(ENGLISH)
                        .param("note", "x".repeat(1001)))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("outcome", "Required."))
                .andExpect(Html.errorAt("note", "Must be between 0 and 1,000 characters."));
        mvc.perform(post("/care/tasks/" + wang + "/contacts").with(Users.as(world.desk)).with(csrf()).cookie(ENGLISH)
                        .param("outcome", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("outcome", "Choose how the contact went."));
        mvc.perform(post("/care/tasks/" + wang + "/contacts").with(Users.as(world.desk)).with(csrf()).cookie(ENGLISH)
                        .param("outcome", "SOMETHING"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("outcome", "Not a valid value."));
        assertThat(data.taskStatus(wang)).isEqualTo("OPEN");
        assertThat(data.communications(world.wang)).isEmpty();
    }

    private String programmePage() throws Exception {
        return world.page("/care/programmes/" + programme, world.desk);
    }
}
