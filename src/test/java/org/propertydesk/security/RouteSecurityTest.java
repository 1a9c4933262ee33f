package org.propertydesk.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.RequestDispatcher;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.propertydesk.security.Routes.Route;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, found at run time, tried by people who must not get in: a visitor who is not
 * logged in, an owner, a technician. A route added without thinking about who may use it fails here, and a route
 * that becomes public must be added to {@link #PUBLIC} on purpose. Ids in the calls exist nowhere, so no route may
 * answer with a server error either, whoever calls it.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteSecurityTest {

    /** What anyone may open without logging in: the login page, owners' activation, QR reports and signed links. */
    static final Set<String> PUBLIC = Set.of(
            "GET /login",
            "GET /error", "POST /error",
            "GET /portal/activate", "POST /portal/activate", "GET /portal/reset", "POST /portal/reset",
            "GET /r/{token}", "POST /r/{token}", "GET /r/{token}/thanks",
            "GET /s/rate/{requestId}", "POST /s/rate/{requestId}",
            "GET /s/survey/{questionnaireId}/{houseId}", "POST /s/survey/{questionnaireId}/{houseId}",
            "POST /api/v1/auth/token");

    /**
     * The owner's part of the JSON API: their own requests, the categories to report under, who they are, their
     * house's bills and release passes. {@link OwnerIsolationTest} tries each with another household's ids.
     */
    static final Set<String> OWNER_API = Set.of(
            "GET /api/v1/me", "GET /api/v1/categories",
            "GET /api/v1/requests", "POST /api/v1/requests", "GET /api/v1/requests/{id}",
            "POST /api/v1/requests/{id}/{action}",
            "GET /api/v1/houses/{id}/bills", "GET /api/v1/release-passes/{number}");

    /**
     * A technician's job: their work orders (pages and API), notifications, the sites and categories they read; the gate
     * check, since guards are technicians; reading incidents.
     */
    static final Set<String> TECHNICIAN_API = Set.of("GET /api/v1/me", "GET /api/v1/sites", "GET /api/v1/categories");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    List<Route> routes;
    SecurityData.Household household;

    @BeforeAll
    void routesAndPeople() {
        routes = Routes.of(mapping);
        household = new SecurityData(context).household();
    }

    static boolean isPublic(Route route) {
        return PUBLIC.contains(route.name()) || PUBLIC.contains(route.method().name() + " " + route.pattern());
    }

    static boolean ownersUse(Route route) {
        return isPublic(route) || route.name().equals("GET /") || route.under("/portal")
                || OWNER_API.contains(route.method().name() + " " + route.pattern());
    }

    static boolean techniciansUse(Route route) {
        return isPublic(route) || route.name().equals("GET /") || route.under("/work") || route.under("/notifications")
                || route.under("/api/v1/work-orders") || TECHNICIAN_API.contains(route.name()) || isApiDocumentation(route)
                || route.under("/gate") || route.under("/api/v1/release-passes")
                || route.method() == HttpMethod.GET && (route.under("/incidents") || route.under("/api/v1/incidents"));
    }

    /** The API's documentation is open to all staff, technicians' apps included: it describes calls, holds no records. */
    static boolean isApiDocumentation(Route route) {
        return route.under("/v3/api-docs") || route.pattern().startsWith("/v3/api-docs") || route.under("/swagger-ui")
                || route.pattern().startsWith("/swagger-ui");
    }

    @Test
    void theRoutesAreFoundAndEveryPublicOneStillExists() {
        List<String> names = routes.stream().map(Route::name).toList();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(names).as("mapped routes").hasSizeGreaterThan(100)
                .contains("GET /records/customers/{id}", "POST /requests/{id}/notes", "GET /portal/requests/{id}");
        for (String route : PUBLIC) {
            softly.assertThat(routes.stream().anyMatch(r -> r.name().equals(route)
                    || (r.method().name() + " " + r.pattern()).equals(route))).as("public route %s is mapped", route).isTrue();
        }
        softly.assertAll();
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToTheLoginPageOrToldTheApiNeedsAToken() {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            Answer answer = call(route, route.request().with(csrf()));
            if (isPublic(route)) {
                softly.assertThat(answer.status()).as("%s (public) → %s", route.name(), answer).isBetween(200, 499);
                softly.assertThat(answer.toLogin()).as("%s (public) → %s", route.name(), answer).isFalse();
            } else if (route.isApi()) {
                softly.assertThat(answer.status()).as("%s → %s", route.name(), answer).isEqualTo(401);
            } else {
                softly.assertThat(answer.toLogin()).as("%s → %s", route.name(), answer).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void anOwnerReachesThePortalAndTheirPartOfTheApiAndNothingElse() {
        refusedOutside(household.owner(), RouteSecurityTest::ownersUse, true);
    }

    @Test
    void aTechnicianReachesTheirJobsAndNothingElse() {
        PropertyDeskUser technician = Users.withRole(Role.TECHNICIAN, household.siteId());
        refusedOutside(technician, RouteSecurityTest::techniciansUse, false);
    }

    @Test
    void noRouteAnswersWithAServerErrorForRecordsThatDoNotExist() {
        // An administrator of a site of this test only: creation forms sent empty touch nothing anybody else sees.
        PropertyDeskUser admin = Users.withRole(Role.ADMIN, household.siteId());
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            if (route.changesState() && !route.takesVariables()) {
                continue;
            }
            Answer answer = call(route, route.request().with(csrf()).with(Users.as(admin)));
            softly.assertThat(answer.status()).as("%s as an administrator → %s", route.name(), answer).isBetween(200, 499);
        }
        softly.assertAll();
    }

    /**
     * Outside their own routes the person gets 403 or 404 and nothing else; on their own routes, with ids that exist
     * nowhere, no server error, and for an owner a plain 404 wherever an id is taken.
     */
    private void refusedOutside(PropertyDeskUser person, Predicate<Route> own, boolean ownIdsAreNotFound) {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            Answer answer = call(route, route.request().with(csrf()).with(Users.as(person)));
            String what = route.name() + " as " + person.roles() + " → " + answer;
            if (!own.test(route)) {
                // A body or upload is read and validated before the role rule of the method is checked; a 400 reveals
                // nothing about any record.
                Set<Integer> refused = route.readsBody() ? Set.of(400, 403, 404) : Set.of(403, 404);
                softly.assertThat(answer.status()).as(what).isIn(refused);
            } else if (ownIdsAreNotFound && !isPublic(route) && !route.idVariables().isEmpty()) {
                softly.assertThat(answer.status()).as(what).isEqualTo(404);
            } else {
                softly.assertThat(answer.status()).as(what).isBetween(200, 499);
            }
        }
        softly.assertAll();
    }

    private Answer call(Route route, AbstractMockHttpServletRequestBuilder<?> request) {
        if (route.under("/error")) {
            // The error page is where the container forwards a failed request, with the status it failed with.
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404);
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            return new Answer(result.getResponse().getStatus(), result.getResponse().getHeader("Location"), null);
        } catch (Exception thrown) {
            return new Answer(500, null, thrown.toString());
        }
    }

    record Answer(int status, String location, String thrown) {

        boolean toLogin() {
            return status == 302 && location != null && location.endsWith("/login");
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " " + location) + (thrown == null ? "" : " " + thrown);
        }
    }
}
