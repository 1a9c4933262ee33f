package org.propertydesk.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every form that changes something needs the page's CSRF token, so another site cannot make a logged-in person's
 * browser submit it. The JSON API is exempt: it takes no cookies, only a bearer token another site does not have.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    List<Route> forms;
    SecurityData.Household household;

    @BeforeAll
    void formsAndPeople() {
        forms = Routes.of(mapping).stream().filter(route -> route.changesState() && !route.isApi()).toList();
        household = new SecurityData(context).household();
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheToken() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(forms).as("state-changing routes found").hasSizeGreaterThan(50);
        for (Route route : forms) {
            softly.assertThat(refusedBySecurity(route, route.request().with(Users.as(userFor(route)))))
                    .as("%s without a token is refused", route.name()).isTrue();
            softly.assertThat(refusedBySecurity(route, route.request().with(csrf().useInvalidToken())
                    .with(Users.as(userFor(route))))).as("%s with a forged token is refused", route.name()).isTrue();
        }
        softly.assertAll();
    }

    /** The same calls with the token and by someone the route is for: so the refusals above were the missing token. */
    @Test
    void withTheTokenTheSameRequestsAreNotRefused() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : forms) {
            softly.assertThat(refusedBySecurity(route, route.request().with(csrf()).with(Users.as(userFor(route)))))
                    .as("%s with a token is refused", route.name()).isFalse();
        }
        softly.assertAll();
    }

    /**
     * Someone who may use the route: the owner for the portal, a technician for their jobs, otherwise an
     * administrator of a site of this test only, so that whatever an empty form creates stays there.
     */
    private PropertyDeskUser userFor(Route route) {
        if (route.under("/portal") && !RouteSecurityTest.isPublic(route)) {
            return household.owner();
        }
        if (route.under("/work")) {
            return Users.withRole(Role.TECHNICIAN, household.siteId());
        }
        return Users.withRole(Role.ADMIN, household.siteId());
    }

    /**
     * Whether Spring Security refused the call (a bare 403 error, before any page was rendered), as opposed to a page
     * that answers 403 itself, such as a signed link whose signature does not match.
     */
    private boolean refusedBySecurity(Route route, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (route.under("/error")) {
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return response.getStatus() == 403 && response.getErrorMessage() != null;
    }
}
