package org.propertydesk.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff changes and openings of personal data leave an entry (who, what, when, from where) that only administrators
 * read and nobody can change.
 */
@WebIntegrationTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    RecordsFixtures.SiteRef site;
    long customer;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void records() {
        RecordsFixtures fixtures = new RecordsFixtures(context);
        site = fixtures.site();
        long house = fixtures.house(site.id(), "1", "1", "0101");
        customer = fixtures.customerIn(house, "审计测试");
        frontDesk = Users.frontDesk(site.id());
    }

    @Test
    void aChangeIsLoggedWithWhoWhatWhenAndWhereButNotWhatWasTyped() throws Exception {
        mvc.perform(post("/records/customers/{id}/communications", customer).with(csrf()).with(Users.as(frontDesk))
                        .param("channel", "CALL").param("direction", "INBOUND").param("summary", "业主说了密码 secret-123"))
                .andExpect(status().isFound());

        Map<String, Object> entry = entriesOf(frontDesk).get(0);
        assertThat(entry).containsEntry("method", "POST")
                .containsEntry("path", "/records/customers/" + customer + "/communications")
                .containsEntry("status", 302)
                .containsEntry("remote_addr", "127.0.0.1");
        assertThat((String) entry.get("action")).startsWith("CustomerController.");
        assertThat(entry.get("query")).isNull();
        assertThat(entry.get("at")).isNotNull();
    }

    @Test
    void openingACustomerOrLookingUpACallerIsLoggedWithWhatWasAskedFor() throws Exception {
        mvc.perform(get("/records/customers/{id}", customer).with(Users.as(frontDesk))).andExpect(status().isOk());
        mvc.perform(get("/records/lookup?q=1380").with(Users.as(frontDesk))).andExpect(status().isOk());

        assertThat(entriesOf(frontDesk)).extracting(row -> row.get("method") + " " + row.get("path") + " " + row.get("query"))
                .containsExactly("GET /records/lookup q=1380", "GET /records/customers/" + customer + " null");
    }

    @Test
    void pagesWithoutPersonalDataAreNotLogged() throws Exception {
        mvc.perform(get("/requests").with(Users.as(frontDesk))).andExpect(status().isOk());

        assertThat(entriesOf(frontDesk)).isEmpty();
    }

    @Test
    void onlyAdministratorsReadTheLogAndFindAnEntryByPerson() throws Exception {
        mvc.perform(get("/records/customers/{id}", customer).with(Users.as(frontDesk))).andExpect(status().isOk());

        for (Role role : List.of(Role.MANAGER, Role.FRONT_DESK, Role.DISPATCHER, Role.TECHNICIAN)) {
            mvc.perform(get("/audit").with(Users.as(Users.withRole(role, site.id())))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit").param("user", frontDesk.getUsername()).cookie(new Cookie("pd_lang", "en"))
                        .with(Users.as(Users.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/records/customers/" + customer)))
                .andExpect(content().string(Matchers.containsString("Audit log")));
        mvc.perform(get("/audit").param("path", "%' or '1'='1").param("from", "2026-01-01")
                        .with(Users.as(Users.admin())))
                .andExpect(status().isOk());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() throws Exception {
        mvc.perform(get("/records/customers/{id}", customer).with(Users.as(frontDesk))).andExpect(status().isOk());

        assertThatThrownBy(() -> jdbc.sql("update audit_log set username = 'someone-else' where username = :u")
                .param("u", frontDesk.getUsername()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where username = :u")
                .param("u", frontDesk.getUsername()).update()).isInstanceOf(DataAccessException.class);
        assertThat(entriesOf(frontDesk)).hasSize(1);
    }

    private List<Map<String, Object>> entriesOf(PropertyDeskUser user) {
        return jdbc.sql("select * from audit_log where username = :u order by id desc")
                .param("u", user.getUsername()).query().listOfRows();
    }
}
