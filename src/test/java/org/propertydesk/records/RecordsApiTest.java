package org.propertydesk.records;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.propertydesk.support.ApiClient.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sites and the caller lookup through the API: the same site rule and the same roles as the pages.
 */
@WebIntegrationTest
class RecordsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    RecordsFixtures fixtures;
    StaffFixtures staff;
    SiteRef mine;
    SiteRef other;
    String frontDeskToken;

    @BeforeEach
    void twoSitesAndAFrontDeskAgentOfOne() throws Exception {
        fixtures = new RecordsFixtures(context);
        staff = new StaffFixtures(context);
        mine = fixtures.site();
        other = fixtures.site();
        String username = StaffFixtures.uniqueUsername("desk");
        staff.account(username, Set.of(Role.FRONT_DESK), List.of(mine.id()));
        frontDeskToken = ApiClient.token(mvc, username, StaffFixtures.PASSWORD);
    }

    @Test
    void sitesAreThoseTheCallerServes() throws Exception {
        mvc.perform(get("/api/v1/sites").with(bearer(frontDeskToken)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(mine.id()))
                .andExpect(jsonPath("$[0].code").value(mine.code()))
                .andExpect(jsonPath("$[0].name").value(mine.name()));

        String username = StaffFixtures.uniqueUsername("boss");
        staff.account(username, Set.of(Role.MANAGER), List.of());
        mvc.perform(get("/api/v1/sites").with(bearer(ApiClient.token(mvc, username, StaffFixtures.PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem(mine.code())))
                .andExpect(jsonPath("$[*].code", hasItem(other.code())));
    }

    @Test
    void customerLookupFindsCallersOfTheCallersSitesWithTheirHouses() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        long house = fixtures.house(mine.id(), "3", "2", "1502");
        long customer = fixtures.customerIn(house, "接口测试业主", phone);
        long otherHouse = fixtures.house(other.id(), "3", "2", "1502");
        String otherPhone = RecordsFixtures.uniqueMobile();
        fixtures.customerIn(otherHouse, "别的项目业主", otherPhone);

        mvc.perform(get("/api/v1/customers").param("q", phone.substring(phone.length() - 6)).with(bearer(frontDeskToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(customer))
                .andExpect(jsonPath("$[0].name").value("接口测试业主"))
                .andExpect(jsonPath("$[0].phones[0]").value(phone))
                .andExpect(jsonPath("$[0].houses[0].id").value(house))
                .andExpect(jsonPath("$[0].houses[0].code").value("3-2-1502"))
                .andExpect(jsonPath("$[0].houses[0].siteCode").value(mine.code()))
                .andExpect(jsonPath("$[0].matchedBy").value("PHONE"));

        mvc.perform(get("/api/v1/customers").param("q", otherPhone).with(bearer(frontDeskToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/customers").param("q", "3-2-1502").with(bearer(frontDeskToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].houses[*].siteCode", hasItem(mine.code())))
                .andExpect(jsonPath("$[*].houses[*].siteCode", not(hasItem(other.code()))));
        mvc.perform(get("/api/v1/customers").with(bearer(frontDeskToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void techniciansMayNotUseTheCallerLookup() throws Exception {
        String username = StaffFixtures.uniqueUsername("tech");
        staff.account(username, Set.of(Role.TECHNICIAN), List.of(mine.id()));
        String token = ApiClient.token(mvc, username, StaffFixtures.PASSWORD);

        mvc.perform(get("/api/v1/customers").param("q", "1502").with(bearer(token)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:forbidden"));
        mvc.perform(get("/api/v1/sites").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value(mine.code()));
    }
}
