package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.care.CareProgrammeWorld.ENGLISH;
import static org.propertydesk.care.CareProgrammeWorld.MARCH;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may do what with care programmes: managers and administrators define them, the front desk contacts the
 * households, dispatchers and technicians have no part in it (403); another site's programmes, households and
 * customers are "not found" (404).
 */
@ClockedIntegrationTest
class CareProgrammeAccessTest {

    @Autowired
    CareProgrammeTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    CareProgrammeWorld world;
    long programme;
    long task;
    PropertyDeskUser otherManager;
    PropertyDeskUser otherDesk;

    @BeforeEach
    void aProgrammeOfOneSiteAndStaffOfAnother() throws Exception {
        clock.set("2026-03-25T10:00");
        world = new CareProgrammeWorld(data, mvc);
        programme = world.programme("独居老人月度电话", Map.of("careFlag", "ELDERLY_ALONE"));
        task = data.task(programme, MARCH, "1-101");
        otherManager = Users.manager(world.otherSite);
        otherDesk = Users.frontDesk(world.otherSite);
    }

    @Test
    void theFrontDeskContactsHouseholdsButDoesNotDefineProgrammes() throws Exception {
        assertThat(world.page("/care/programmes", world.desk)).contains("独居老人月度电话").doesNotContain("New programme");
        world.page("/care/programmes/" + programme, world.desk);
        world.page("/care/tasks/" + task, world.desk);

        mvc.perform(get("/care/programmes/new").with(Users.as(world.desk))).andExpect(status().isForbidden());
        mvc.perform(get("/care/programmes/" + programme + "/edit").with(Users.as(world.desk))).andExpect(status().isForbidden());
        mvc.perform(post("/care/programmes").with(Users.as(world.desk)).with(csrf())
                .param("siteId", String.valueOf(world.site)).param("name", "前台自建").param("kind", "CALL")
                .param("repeat", "MONTHLY").param("startsOn", "2026-03-01")).andExpect(status().isForbidden());
        mvc.perform(post("/care/programmes/defaults").with(Users.as(world.desk)).with(csrf())
                .param("siteId", String.valueOf(world.site))).andExpect(status().isForbidden());
        mvc.perform(get("/care/dashboard").with(Users.as(world.desk))).andExpect(status().isForbidden());
        assertThat(data.programmes(world.site)).containsExactly("独居老人月度电话");
    }

    @Test
    void dispatchersTechniciansAndOwnersHaveNoPartInCare() throws Exception {
        for (Role role : new Role[] {Role.DISPATCHER, Role.TECHNICIAN, Role.OWNER}) {
            PropertyDeskUser user = Users.withRole(role, world.site);
            mvc.perform(get("/care/programmes").with(Users.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/care/tasks/" + task).with(Users.as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/care/tasks/" + task + "/contacts").with(Users.as(user)).with(csrf()).param("outcome", "DONE"))
                    .andExpect(status().isForbidden());
        }
        assertThat(data.taskStatus(task)).isEqualTo("OPEN");
    }

    @Test
    void anotherSitesProgrammeHouseholdsAndCustomersAreNotFound() throws Exception {
        assertThat(world.page("/care/programmes", otherManager)).doesNotContain("独居老人月度电话");
        assertThat(world.page("/care/programmes?siteId=" + world.site, otherManager)).doesNotContain("独居老人月度电话");
        mvc.perform(get("/care/programmes/" + programme).with(Users.as(otherManager))).andExpect(status().isNotFound());
        mvc.perform(get("/care/programmes/" + programme + "/edit").with(Users.as(otherManager))).andExpect(status().isNotFound());
        mvc.perform(post("/care/programmes/" + programme).with(Users.as(otherManager)).with(csrf())
                .param("name", "改名").param("kind", "CALL").param("repeat", "MONTHLY").param("startsOn", "2026-03-01"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/care/tasks/" + task).with(Users.as(otherDesk))).andExpect(status().isNotFound());
        mvc.perform(post("/care/tasks/" + task + "/contacts").with(Users.as(otherDesk)).with(csrf()).param("outcome", "DONE"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/care/programmes/defaults").with(Users.as(otherManager)).with(csrf())
                .param("siteId", String.valueOf(world.site))).andExpect(status().isNotFound());
        mvc.perform(get("/care/customers/" + world.wang + "/contacts").with(Users.as(otherDesk))).andExpect(status().isNotFound());
        mvc.perform(get("/care/dashboard").param("sites", String.valueOf(world.site)).with(Users.as(otherManager)))
                .andExpect(status().isNotFound());

        assertThat(data.taskStatus(task)).isEqualTo("OPEN");
        assertThat(data.programmes(world.site)).containsExactly("独居老人月度电话");
    }

    @Test
    void aManagerCannotPlaceAProgrammeAtAnotherSite() throws Exception {
        mvc.perform(post("/care/programmes").with(Users.as(otherManager)).with(csrf()).cookie(ENGLISH)
                        .param("siteId", String.valueOf(world.site)).param("name", "越权计划").param("kind", "CALL")
                        .param("repeat", "MONTHLY").param("startsOn", "2026-03-01"))
                .andExpect(status().isOk())
                .andExpect(org.propertydesk.support.Html.errorAt("siteId", "Choose one of your sites."));
        assertThat(data.programmes(world.site)).containsExactly("独居老人月度电话");
    }
}
