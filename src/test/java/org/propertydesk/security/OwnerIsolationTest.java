package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.propertydesk.security.Routes.Route;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One household never reaches another's things: owner B tries every portal route and every owner API route that
 * takes an id with each of owner A's ids (request, photo, notice, questionnaire, house, customer) in every place, and
 * gets 404 each time, as for an id that does not exist, while owner A opens the same things. Found at run time, so
 * a portal page added later is tried too.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerIsolationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    SecurityData.Household a;
    SecurityData.Household b;
    Map<String, Long> idsOfA = new LinkedHashMap<>();

    @BeforeAll
    void twoHouseholdsOnTwoSites() throws Exception {
        SecurityData data = new SecurityData(context);
        a = data.household();
        b = data.household();
        long request = data.request(a, "阳台渗水");
        mvc.perform(multipart("/portal/requests/{id}/photos", request).file(new MockMultipartFile("photos", "leak.png",
                        "image/png", png())).with(csrf()).with(Users.as(a.owner())))
                .andExpect(status().is3xxRedirection());
        String notice = mvc.perform(post("/notices").param("title", "A 区停水").param("body", "周二停水")
                        .param("validFrom", "2020-01-01T08:00").param("siteIds", String.valueOf(a.siteId()))
                        .with(csrf()).with(Users.as(Users.manager(a.siteId()))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        idsOfA.put("request", request);
        idsOfA.put("photo", jdbc.sql("select id from request_attachment where request_id = ?").params(request)
                .query(Long.class).single());
        idsOfA.put("notice", Long.valueOf(notice.substring(notice.lastIndexOf('/') + 1)));
        idsOfA.put("questionnaire", jdbc.sql("""
                insert into questionnaire (title, opens_on, closes_on, status, opened_at,
                                           created_at, created_by, updated_at, updated_by)
                values ('A 区满意度', current_date - 1, current_date + 7, 'OPEN', now(), now(), 'test', now(), 'test')
                returning id
                """).query(Long.class).single());
        jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)")
                .params(idsOfA.get("questionnaire"), a.siteId()).update();
        idsOfA.put("house", a.houseId());
        idsOfA.put("customer", a.customerId());
    }

    @Test
    void ownerAOpensTheirOwnThings() throws Exception {
        long request = idsOfA.get("request");
        mvc.perform(get("/portal/requests/{id}", request).with(Users.as(a.owner()))).andExpect(status().isOk());
        mvc.perform(get("/portal/requests/{id}/photos/{photo}", request, idsOfA.get("photo")).with(Users.as(a.owner())))
                .andExpect(status().isOk());
        mvc.perform(get("/portal/notices/{id}", idsOfA.get("notice")).with(Users.as(a.owner()))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/requests/{id}", request).with(Users.as(a.owner()))).andExpect(status().isOk());
    }

    @Test
    void ownerBGetsNotFoundForEveryIdOfA() throws Exception {
        String statusBefore = requestStatus();
        List<Route> idRoutes = Routes.of(mapping).stream()
                .filter(route -> RouteSecurityTest.ownersUse(route) && !RouteSecurityTest.isPublic(route))
                .filter(route -> !route.idVariables().isEmpty())
                .toList();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(idRoutes).as("owner routes taking ids").hasSizeGreaterThan(5);
        for (Route route : idRoutes) {
            for (Map<String, String> ids : assignments(route.idVariables())) {
                var call = route.request(variable -> idsOfA.get(ids.get(variable)), this::word);
                if (route.readsBody()) {
                    // A move that needs a reason is given one, so that the refusal is about whose request it is.
                    call.content("{\"reason\":\"不是我的\",\"note\":\"不是我的\"}");
                }
                int status = mvc.perform(call.with(csrf()).with(Users.as(b.owner()))).andReturn().getResponse().getStatus();
                softly.assertThat(status).as("%s with A's %s", route.name(), ids).isEqualTo(404);
            }
        }
        softly.assertAll();
        assertThat(requestStatus()).as("A's request after B's attempts").isEqualTo(statusBefore);
        assertThat(jdbc.sql("select count(*) from request_attachment where request_id = ?").params(idsOfA.get("request"))
                .query(Long.class).single()).as("A's photos after B's attempts").isEqualTo(1);
    }

    /** Moves owners make on a request, so that the call is refused for the request and not for an unknown move. */
    private String word(String variable) {
        return variable.equals("action") ? "cancel" : "x";
    }

    /** Every way of putting A's ids into the route's id variables: which kind of A's ids goes where. */
    private List<Map<String, String>> assignments(List<String> variables) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new HashMap<>());
        for (String variable : variables) {
            List<Map<String, String>> longer = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String kind : idsOfA.keySet()) {
                    Map<String, String> next = new LinkedHashMap<>(partial);
                    next.put(variable, kind);
                    longer.add(next);
                }
            }
            all = longer;
        }
        return all;
    }

    private String requestStatus() {
        return jdbc.sql("select status from service_request where id = ?").params(idsOfA.get("request"))
                .query(String.class).single();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
