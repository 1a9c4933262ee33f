package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff see only the sites they serve. Another site's house or customer answers "not found", exactly like an id that
 * does not exist, so guessing ids reveals nothing; and nothing is changed through such a request.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteScopeTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    RecordsFixtures fixtures;
    SiteRef siteA;
    SiteRef siteB;

    /** Site B's records, which site A's staff must not reach. */
    record Other(long house, long customer, long occupancy, String customerName) {
    }

    record Attempt(String name, Function<Other, MockHttpServletRequestBuilder> request) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void twoSites() {
        fixtures = new RecordsFixtures(context);
        siteA = fixtures.site();
        siteB = fixtures.site();
        fixtures.house(siteA.id(), "1", "1", "0101");
    }

    /** A house at site B with its owner, fresh for each attempt so that no attempt depends on another. */
    Other siteBOwner() {
        long house = fixtures.house(siteB.id(), "8", "1", RecordsFixtures.unique());
        String name = "乙方客户" + RecordsFixtures.unique();
        long customer = fixtures.customerIn(house, name);
        return new Other(house, customer, fixtures.occupancyId(customer, house), name);
    }

    Stream<Attempt> siteBRecords() {
        return Stream.of(
                new Attempt("GET house", o -> get("/records/houses/{id}", o.house())),
                new Attempt("GET house edit form", o -> get("/records/houses/{id}/edit", o.house())),
                new Attempt("POST house update", o -> post("/records/houses/{id}", o.house()).param("use", "OFFICE").param("status", "VACANT")),
                new Attempt("POST house history", o -> post("/records/houses/{id}/history", o.house()).param("kind", "USAGE")
                        .param("entryDate", "2024-01-01").param("text", "越权")),
                new Attempt("POST house history, invalid", o -> post("/records/houses/{id}/history", o.house()).param("kind", "USAGE")
                        .param("entryDate", "2024-01-01").param("text", "")),
                new Attempt("GET new customer for house", o -> get("/records/customers/new").param("houseId", String.valueOf(o.house()))),
                new Attempt("GET customer", o -> get("/records/customers/{id}", o.customer())),
                new Attempt("GET customer edit form", o -> get("/records/customers/{id}/edit", o.customer())),
                new Attempt("POST customer update", o -> post("/records/customers/{id}", o.customer())
                        .param("siteId", String.valueOf(siteA.id())).param("type", "PERSON").param("valueTier", "ORDINARY")
                        .param("name", "改名").param("phones[0]", RecordsFixtures.uniqueMobile())),
                new Attempt("POST communication", o -> post("/records/customers/{id}/communications", o.customer())
                        .param("channel", "CALL").param("direction", "INBOUND").param("summary", "越权")),
                new Attempt("POST communication, invalid", o -> post("/records/customers/{id}/communications", o.customer())
                        .param("channel", "CALL").param("direction", "INBOUND").param("summary", "")),
                new Attempt("POST occupancy", o -> post("/records/customers/{id}/occupancies", o.customer())
                        .param("siteId", String.valueOf(siteA.id())).param("houseCode", "1-1-0101").param("role", "TENANT")
                        .param("startDate", "2024-01-01")),
                new Attempt("POST move-out", o -> post("/records/occupancies/{id}/move-out", o.occupancy())
                        .param("customerId", String.valueOf(o.customer()))),
                new Attempt("POST primary contact", o -> post("/records/occupancies/{id}/primary", o.occupancy())
                        .param("customerId", String.valueOf(o.customer()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("siteBRecords")
    void frontDeskOfSiteAGetsNotFoundForSiteBsRecords(Attempt attempt) throws Exception {
        Other b = siteBOwner();

        mvc.perform(attempt.request().apply(b).with(csrf()).with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isNotFound());

        assertUntouched(b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("siteBRecords")
    void someoneServingSiteBReachesTheSameRecords(Attempt attempt) throws Exception {
        // The other half of the rule: the same requests are not refused for the people who do serve site B.
        Other b = siteBOwner();

        int status = mvc.perform(attempt.request().apply(b).with(csrf()).with(as(Users.manager(siteA.id(), siteB.id()))))
                .andReturn().getResponse().getStatus();

        assertThat(status).isIn(200, 302);
    }

    @Test
    void managersOfSiteACannotEditSiteBNorAddItsBuildings() throws Exception {
        PropertyDeskUser manager = Users.manager(siteA.id());
        long buildings = fixtures.buildingsAt(siteB.id());

        mvc.perform(get("/records/sites/{id}/edit", siteB.id()).with(as(manager))).andExpect(status().isNotFound());
        mvc.perform(post("/records/sites/{id}", siteB.id()).with(csrf()).with(as(manager)).param("code", siteB.code())
                .param("name", "改名").param("propertyType", "OFFICE")).andExpect(status().isNotFound());
        mvc.perform(post("/records/sites/{id}/buildings", siteB.id()).with(csrf()).with(as(manager)).param("code", "99"))
                .andExpect(status().isNotFound());

        assertThat(fixtures.buildingsAt(siteB.id())).isEqualTo(buildings);
    }

    @Test
    void listsShowOnlyTheSitesTheAgentServes() throws Exception {
        PropertyDeskUser frontDeskA = Users.frontDesk(siteA.id());
        Other b = siteBOwner();
        String houseCode = context.getBean(HouseRepository.class).findById(b.house()).orElseThrow().getCode();

        String linkToCustomer = "href=\"/records/customers/" + b.customer() + "\"";

        assertThat(page(get("/records/customers").param("name", b.customerName()), frontDeskA)).doesNotContain(linkToCustomer);
        assertThat(page("/records/houses?siteId=" + siteB.id(), frontDeskA)).doesNotContain(houseCode);
        assertThat(page("/records/houses?siteId=" + siteB.id(), Users.frontDesk(siteB.id()))).contains(houseCode);
        assertThat(page("/records/sites", frontDeskA)).contains(siteA.name()).doesNotContain(siteB.name());
        assertThat(page(get("/records/customers").param("name", b.customerName()), Users.frontDesk(siteB.id()))).contains(linkToCustomer);
    }

    @Test
    void anIdThatDoesNotExistIsNotFoundToo() throws Exception {
        PropertyDeskUser admin = Users.admin();

        mvc.perform(get("/records/customers/{id}", Long.MAX_VALUE).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/records/houses/{id}", Long.MAX_VALUE).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/records/occupancies/{id}/move-out", Long.MAX_VALUE).with(csrf()).with(as(admin)).param("customerId", "1"))
                .andExpect(status().isNotFound());
    }

    private void assertUntouched(Other b) {
        Customer customer = context.getBean(CustomerRepository.class).findById(b.customer()).orElseThrow();
        assertThat(customer.getName()).isEqualTo(b.customerName());
        assertThat(fixtures.communicationsOf(b.customer())).isZero();
        assertThat(fixtures.historyOf(b.house())).isZero();
        assertThat(fixtures.occupanciesOf(b.customer())).isEqualTo(1);
        assertThat(context.getBean(OccupancyRepository.class).findById(b.occupancy()).orElseThrow().isCurrent()).isTrue();
        assertThat(context.getBean(HouseRepository.class).findById(b.house()).orElseThrow().getUse()).isEqualTo(HouseUse.RESIDENTIAL);
    }

    private String page(String url, PropertyDeskUser user) throws Exception {
        return page(get(url), user);
    }

    private String page(MockHttpServletRequestBuilder request, PropertyDeskUser user) throws Exception {
        return mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
