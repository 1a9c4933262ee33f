package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.security.Routes.Route;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What people type into search boxes and filters is searched for as text: SQL quotes and comments, LIKE wildcards
 * and backslashes find nothing more than they say and break nothing, and a list sorts only by the fields it offers.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionTest {

    static final List<String> METACHARACTERS = List.of("' or 1=1 --", "%", "_", "\\", "%' or '1'='1", "1;select pg_sleep(0)");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    long site;
    PropertyDeskUser desk;

    @BeforeAll
    void twoCustomersOnASiteOfTheirOwn() {
        RecordsFixtures records = new RecordsFixtures(context);
        site = records.site().id();
        records.customerIn(records.house(site, "1", "1", "0101"), "注入甲");
        records.customerIn(records.house(site, "1", "1", "0102"), "注入乙");
        desk = Users.frontDesk(site);
    }

    @Test
    void searchBoxesFindNothingForMetacharacters() throws Exception {
        assertThat(page("/records/lookup", "q", "注入甲")).as("the lookup works").contains("注入甲").doesNotContain("注入乙");
        assertThat(page("/records/customers", "name", "注入")).as("the filter works").contains("注入甲", "注入乙");

        SoftAssertions softly = new SoftAssertions();
        for (String typed : METACHARACTERS) {
            softly.assertThat(page("/records/lookup", "q", typed)).as("lookup for %s", typed)
                    .doesNotContain("注入甲", "注入乙");
            softly.assertThat(page("/records/customers", "name", typed)).as("customers named %s", typed)
                    .doesNotContain("注入甲", "注入乙");
            softly.assertThat(page("/records/houses", "code", typed)).as("houses coded %s", typed)
                    .doesNotContain("1-1-0101", "1-1-0102");
        }
        softly.assertAll();
    }

    @Test
    void everyTextParameterOfEveryPageTakesMetacharactersWithoutAServerError() throws Exception {
        PropertyDeskUser admin = Users.withRole(Role.ADMIN, site);
        List<Route> pages = Routes.of(mapping).stream().filter(route -> route.method() == HttpMethod.GET).toList();

        SoftAssertions softly = new SoftAssertions();
        int tried = 0;
        for (Route route : pages) {
            for (MethodParameter parameter : route.handler().getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null || parameter.getNestedParameterType() != String.class) {
                    continue;
                }
                String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
                for (String typed : METACHARACTERS) {
                    int status = mvc.perform(route.request().param(name, typed).with(Users.as(admin)))
                            .andReturn().getResponse().getStatus();
                    softly.assertThat(status).as("%s?%s=%s", route.name(), name, typed).isLessThan(500);
                    tried++;
                }
            }
        }
        softly.assertThat(tried).as("text parameters tried").isGreaterThan(20);
        softly.assertAll();
    }

    @Test
    void aListSortsOnlyByTheFieldsItOffers() throws Exception {
        String byDefault = order(page("/records/customers", "sort", ""));
        assertThat(order(page("/records/customers", "sort", "name,desc"))).as("an offered field")
                .isNotEqualTo(byDefault);

        for (String crafted : List.of("idNumber,desc", "passwordHash", "name;drop table site", "(select 1)", "id,desc")) {
            String html = page("/records/customers", "sort", crafted);
            assertThat(order(html)).as("sorted by %s", crafted).isEqualTo(byDefault);
        }
    }

    private String page(String url, String parameter, String value) throws Exception {
        var response = mvc.perform(get(url).param(parameter, value).param("siteId", String.valueOf(site))
                        .with(Users.as(desk)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as("%s?%s=%s", url, parameter, value).isEqualTo(200);
        return response.getContentAsString();
    }

    /** Which of the two customers the page lists first. */
    private static String order(String html) {
        return html.indexOf("注入甲") < html.indexOf("注入乙") ? "甲乙" : "乙甲";
    }
}
