package org.propertydesk.shared;

import static org.hamcrest.Matchers.endsWith;
import static org.propertydesk.shared.security.Role.ADMIN;
import static org.propertydesk.shared.security.Role.DISPATCHER;
import static org.propertydesk.shared.security.Role.FRONT_DESK;
import static org.propertydesk.shared.security.Role.MANAGER;
import static org.propertydesk.shared.security.Role.TECHNICIAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.propertydesk.records.OccupancyRole;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open which page and do what, role by role. Everyone here serves the site the records belong to, so the
 * answer depends on the role alone: 200 (page) or 302 (action done, or refused with a message), 403 for a role that
 * may not, and a redirect to the login page for anyone not logged in.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final Set<Role> STAFF_ADMINS = EnumSet.of(ADMIN);
    static final Set<Role> SITE_EDITORS = EnumSet.of(ADMIN, MANAGER);
    static final Set<Role> EDITORS = EnumSet.of(ADMIN, MANAGER, FRONT_DESK);
    static final Set<Role> READERS = EnumSet.of(ADMIN, MANAGER, FRONT_DESK, DISPATCHER);
    static final Set<Role> DISPATCHERS = EnumSet.of(ADMIN, MANAGER, DISPATCHER);
    static final Set<Role> TECHNICIANS = EnumSet.of(TECHNICIAN);
    static final Set<Role> EVERYONE = EnumSet.of(ADMIN, MANAGER, FRONT_DESK, DISPATCHER, TECHNICIAN);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    /** The records every request is about, created once for the whole matrix. */
    record World(SiteRef site, long house, long customer, long occupancy, long staffAccount, String staffUsername) {
    }

    World world;

    @BeforeAll
    void records() {
        RecordsFixtures fixtures = new RecordsFixtures(context);
        SiteRef site = fixtures.site();
        long house = fixtures.house(site.id(), "1", "1", "0101");
        long customer = fixtures.customerIn(house, "权限测试");
        long occupancy = fixtures.occupancyId(customer, house);
        String staffUsername = StaffFixtures.uniqueUsername("matrix");
        long staffAccount = new StaffFixtures(context).account(staffUsername, Set.of(TECHNICIAN), List.of(site.id()));
        world = new World(site, house, customer, occupancy, staffAccount, staffUsername);
    }

    /** A page or action, and the roles allowed to use it. */
    record Endpoint(String name, Set<Role> allowed, int allowedStatus, Function<World, MockHttpServletRequestBuilder> request) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                page("GET /dispatch", DISPATCHERS, w -> get("/dispatch")),
                page("GET /dispatch/technicians", SITE_EDITORS, w -> get("/dispatch/technicians")),
                page("GET /dispatch/teams", SITE_EDITORS, w -> get("/dispatch/teams")),
                page("GET /dispatch/roster", SITE_EDITORS, w -> get("/dispatch/roster")),
                page("GET /dispatch/rules", SITE_EDITORS, w -> get("/dispatch/rules")),
                page("GET /dispatch/materials", STAFF_ADMINS, w -> get("/dispatch/materials")),
                page("GET /work", TECHNICIANS, w -> get("/work")),
                page("GET /callbacks", EDITORS, w -> get("/callbacks")),
                page("GET /callbacks/settings", SITE_EDITORS, w -> get("/callbacks/settings")),
                page("GET /surveys", EDITORS, w -> get("/surveys")),
                page("GET /surveys/improvements", SITE_EDITORS, w -> get("/surveys/improvements")),
                page("GET /dashboard", SITE_EDITORS, w -> get("/dashboard")),
                page("GET /dashboard/requests", SITE_EDITORS, w -> get("/dashboard/requests").param("drill", "BREACHED")),
                page("GET /dashboard/scorecard", SITE_EDITORS, w -> get("/dashboard/scorecard")),
                page("GET /notices", SITE_EDITORS, w -> get("/notices")),
                page("GET /notices/new", SITE_EDITORS, w -> get("/notices/new")),
                page("GET /report-points", EDITORS, w -> get("/report-points")),
                page("GET /owner-accounts/customers/{id}", READERS,
                        w -> get("/owner-accounts/customers/{id}", w.customer())),
                page("GET /records/lookup", READERS, w -> get("/records/lookup").param("q", "0101")),
                page("GET /records/customers", READERS, w -> get("/records/customers")),
                page("GET /records/customers/{id}", READERS, w -> get("/records/customers/{id}", w.customer())),
                page("GET /records/customers/new", EDITORS, w -> get("/records/customers/new").param("houseId", id(w.house()))),
                page("GET /records/customers/{id}/edit", EDITORS, w -> get("/records/customers/{id}/edit", w.customer())),
                page("GET /records/houses", READERS, w -> get("/records/houses")),
                page("GET /records/houses/{id}", READERS, w -> get("/records/houses/{id}", w.house())),
                page("GET /records/houses/new", EDITORS, w -> get("/records/houses/new")),
                page("GET /records/houses/{id}/edit", EDITORS, w -> get("/records/houses/{id}/edit", w.house())),
                page("GET /records/sites", READERS, w -> get("/records/sites")),
                page("GET /records/sites/new", SITE_EDITORS, w -> get("/records/sites/new")),
                page("GET /records/sites/{id}/edit", SITE_EDITORS, w -> get("/records/sites/{id}/edit", w.site().id())),
                action("POST /records/sites", SITE_EDITORS, w -> post("/records/sites").param("code", "M" + RecordsFixtures.unique())
                        .param("name", "矩阵花园").param("propertyType", "RESIDENTIAL")),
                action("POST /records/sites/{id}", SITE_EDITORS, w -> post("/records/sites/{id}", w.site().id())
                        .param("code", w.site().code()).param("name", w.site().name()).param("propertyType", "RESIDENTIAL")),
                action("POST /records/sites/{id}/buildings", SITE_EDITORS, w -> post("/records/sites/{id}/buildings", w.site().id())
                        .param("code", RecordsFixtures.unique())),
                action("POST /records/houses", EDITORS, w -> post("/records/houses").param("siteId", id(w.site().id()))
                        .param("buildingCode", "2").param("roomNo", RecordsFixtures.unique()).param("use", "RESIDENTIAL")
                        .param("status", "VACANT")),
                action("POST /records/houses/{id}", EDITORS, w -> post("/records/houses/{id}", w.house()).param("use", "RESIDENTIAL")
                        .param("status", "OCCUPIED").param("area", "90")),
                action("POST /records/houses/{id}/history", EDITORS, w -> post("/records/houses/{id}/history", w.house())
                        .param("kind", "USAGE").param("entryDate", "2024-01-01").param("text", "矩阵测试")),
                action("POST /records/customers", EDITORS, w -> post("/records/customers").param("siteId", id(w.site().id()))
                        .param("type", "PERSON").param("valueTier", "ORDINARY").param("name", "矩阵客户")
                        .param("phones[0]", RecordsFixtures.uniqueMobile())),
                action("POST /records/customers/{id}", EDITORS, w -> post("/records/customers/{id}", w.customer())
                        .param("siteId", id(w.site().id())).param("type", "PERSON").param("valueTier", "ORDINARY")
                        .param("name", "权限测试").param("phones[0]", RecordsFixtures.uniqueMobile())),
                action("POST /records/customers/{id}/occupancies", EDITORS, w -> post("/records/customers/{id}/occupancies", w.customer())
                        .param("siteId", id(w.site().id())).param("houseCode", "1-1-0101").param("role", OccupancyRole.OTHER_OCCUPANT.name())
                        .param("startDate", "2024-01-01")),
                action("POST /records/customers/{id}/communications", EDITORS, w -> post("/records/customers/{id}/communications", w.customer())
                        .param("channel", "CALL").param("direction", "INBOUND").param("summary", "矩阵测试")),
                action("POST /records/occupancies/{id}/primary", EDITORS, w -> post("/records/occupancies/{id}/primary", w.occupancy())
                        .param("customerId", id(w.customer()))),
                action("POST /records/occupancies/{id}/move-out", EDITORS, w -> post("/records/occupancies/{id}/move-out", w.occupancy())
                        .param("customerId", id(w.customer()))),
                page("GET /staff", STAFF_ADMINS, w -> get("/staff")),
                page("GET /audit", STAFF_ADMINS, w -> get("/audit")),
                page("GET /affairs/decorations", READERS, w -> get("/affairs/decorations")),
                page("GET /affairs/decorations/new", EDITORS, w -> get("/affairs/decorations/new")),
                page("GET /affairs/parking", READERS, w -> get("/affairs/parking")),
                page("GET /affairs/parking/leases-ending", READERS, w -> get("/affairs/parking/leases-ending")),
                page("GET /affairs/parking/new", EDITORS, w -> get("/affairs/parking/new")),
                page("GET /activities", EDITORS, w -> get("/activities")),
                page("GET /affairs/fees", EDITORS, w -> get("/affairs/fees")),
                page("GET /passes", EDITORS, w -> get("/passes")),
                page("GET /incidents", EVERYONE, w -> get("/incidents")),
                page("GET /incidents/new", READERS, w -> get("/incidents/new")),
                page("GET /gate", EnumSet.of(ADMIN, MANAGER, FRONT_DESK, TECHNICIAN), w -> get("/gate")),
                page("GET /care/programmes", EDITORS, w -> get("/care/programmes")),
                page("GET /care/programmes/new", SITE_EDITORS, w -> get("/care/programmes/new")),
                page("GET /staff/new", STAFF_ADMINS, w -> get("/staff/new")),
                page("GET /staff/{id}/edit", STAFF_ADMINS, w -> get("/staff/{id}/edit", w.staffAccount())),
                action("POST /staff", STAFF_ADMINS, w -> post("/staff").param("username", StaffFixtures.uniqueUsername("m"))
                        .param("displayName", "矩阵").param("password", "long enough 1").param("roles", "TECHNICIAN")
                        .param("allSites", "true")),
                action("POST /staff/{id}", STAFF_ADMINS, w -> post("/staff/{id}", w.staffAccount()).param("username", w.staffUsername())
                        .param("displayName", "矩阵")
                        .param("roles", "TECHNICIAN").param("siteIds", id(w.site().id()))),
                action("POST /staff/{id}/password", STAFF_ADMINS, w -> post("/staff/{id}/password", w.staffAccount())
                        .param("password", "another long one")),
                action("POST /staff/{id}/deactivate", STAFF_ADMINS, w -> post("/staff/{id}/deactivate", w.staffAccount())),
                action("POST /staff/{id}/activate", STAFF_ADMINS, w -> post("/staff/{id}/activate", w.staffAccount())));
    }

    static Stream<Arguments> everyRoleOnEveryEndpoint() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : EVERYONE) {
                cases.add(Arguments.of(role, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleOnEveryEndpoint")
    void eachRoleGetsExactlyThePagesAndActionsOfItsJob(Role role, Endpoint endpoint) throws Exception {
        var user = Users.withRole(role, SiteScope.of(List.of(world.site().id())));
        int expected = endpoint.allowed().contains(role) ? endpoint.allowedStatus() : 403;

        mvc.perform(endpoint.request().apply(world).with(csrf()).with(Users.as(user)))
                .andExpect(status().is(expected));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = "OWNER", mode = EnumSource.Mode.EXCLUDE)
    void everyStaffMemberHasAStartPageAndATechniciansIsTheirJobs(Role role) throws Exception {
        var user = Users.withRole(role, SiteScope.of(List.of(world.site().id())));
        var home = mvc.perform(get("/").with(Users.as(user)));
        if (role == TECHNICIAN) {
            home.andExpect(status().isFound()).andExpect(header().string("Location", "/work"));
        } else {
            home.andExpect(status().isOk());
        }
    }

    @ParameterizedTest(name = "anonymous {0}")
    @MethodSource("endpoints")
    void anonymousVisitorsAreSentToTheLoginPage(Endpoint endpoint) throws Exception {
        mvc.perform(endpoint.request().apply(world).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    private static Endpoint page(String name, Set<Role> allowed, Function<World, MockHttpServletRequestBuilder> request) {
        return new Endpoint(name, allowed, 200, request);
    }

    private static Endpoint action(String name, Set<Role> allowed, Function<World, MockHttpServletRequestBuilder> request) {
        return new Endpoint(name, allowed, 302, request);
    }

    private static String id(long id) {
        return String.valueOf(id);
    }
}
