package org.propertydesk.shared.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.propertydesk.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document and Swagger UI: served by the application itself to logged-in staff, describing /api/v1 only.
 */
@WebIntegrationTest
class ApiDocsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserDetailsService accounts;

    /** A real account: the page session is checked against the database on every request. */
    PropertyDeskUser staff(Role role) {
        String username = StaffFixtures.uniqueUsername("docs");
        new StaffFixtures(context).account(username, Set.of(role), List.of());
        return (PropertyDeskUser) accounts.loadUserByUsername(username);
    }

    @Test
    void loggedInStaffReadTheOpenApiDocumentOfTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as(staff(Role.TECHNICIAN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("PropertyDesk API"))
                .andExpect(jsonPath("$.paths['/api/v1/auth/token'].post.security").isEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/requests'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}/{action}'].post.responses['412']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/categories'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/sites'].get").exists())
                .andExpect(jsonPath("$.paths['/records/lookup']").doesNotExist())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists());
    }

    @Test
    void theSwaggerUiIsServedFromTheApplicationToLoggedInStaffOnly() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(as(staff(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger-ui-bundle.js")))
                .andExpect(content().string(not(containsString("https://"))));
        mvc.perform(get("/v3/api-docs/swagger-config").with(as(staff(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/v3/api-docs"))
                .andExpect(jsonPath("$.validatorUrl").value("none"));

        mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/v3/api-docs")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void pagesKeepTheirOwnNotFoundHandling() throws Exception {
        mvc.perform(get("/records/no-such-page").with(as(staff(Role.FRONT_DESK))))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist("Content-Type"));
    }
}
