package org.propertydesk.care;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Users;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A site with four houses in two buildings, known to the test by heart (the clock stands on 25 March 2026):
 * <ul>
 * <li>1-101: 王奶奶, elderly living alone, ordinary, born in March, there since 2020;</li>
 * <li>1-102: 李先生, important and service-minded, born in June, moved in on 20 March 2026;</li>
 * <li>2-201: 张女士, strategic and cost-minded, born in March, primary contact, moved in on 1 February 2026, with her
 * mother 张老太 (elderly living alone, no birthday on record);</li>
 * <li>2-202: 赵老伯, elderly living alone and born in March, moved out in January.</li>
 * </ul>
 * A second site has an elderly owner living alone of its own. Pages are read in English.
 */
final class CareProgrammeWorld {

    static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    final long site;
    final long building1;
    final long building2;
    final long h101;
    final long h102;
    final long h201;
    final long wang;
    final long li;
    final long zhang;
    final long mother;
    final long otherSite;
    final long otherElderly;
    final PropertyDeskUser manager;
    final PropertyDeskUser desk;

    private final MockMvc mvc;

    CareProgrammeWorld(CareProgrammeTestData data, MockMvc mvc) {
        this.mvc = mvc;
        site = data.site();
        building1 = data.building(site, "1");
        building2 = data.building(site, "2");
        h101 = data.house(site, building1, "1-101");
        h102 = data.house(site, building1, "1-102");
        h201 = data.house(site, building2, "2-201");
        long h202 = data.house(site, building2, "2-202");
        wang = data.person(site, "王奶奶", "ORDINARY", null, LocalDate.of(1941, 3, 9), "ELDERLY_ALONE");
        data.livesIn(wang, h101, "OWNER", true, LocalDate.of(2020, 5, 1));
        li = data.person(site, "李先生", "IMPORTANT", "SERVICE_MINDED", LocalDate.of(1985, 6, 12));
        data.livesIn(li, h102, "OWNER", true, LocalDate.of(2026, 3, 20));
        zhang = data.person(site, "张女士", "STRATEGIC", "COST_MINDED", LocalDate.of(1978, 3, 30));
        data.livesIn(zhang, h201, "OWNER", true, LocalDate.of(2026, 2, 1));
        mother = data.person(site, "张老太", "ORDINARY", null, null, "ELDERLY_ALONE");
        data.livesIn(mother, h201, "FAMILY_MEMBER", false, LocalDate.of(2026, 2, 1));
        long zhao = data.person(site, "赵老伯", "ORDINARY", null, LocalDate.of(1940, 3, 1), "ELDERLY_ALONE");
        data.livesIn(zhao, h202, "OWNER", true, LocalDate.of(2010, 1, 1));
        data.movedOut(zhao, h202, LocalDate.of(2026, 1, 31));

        otherSite = data.site();
        long otherHouse = data.house(otherSite, data.building(otherSite, "1"), "1-101");
        otherElderly = data.person(otherSite, "钱奶奶", "ORDINARY", null, LocalDate.of(1938, 3, 3), "ELDERLY_ALONE");
        data.livesIn(otherElderly, otherHouse, "OWNER", true, LocalDate.of(2018, 1, 1));

        manager = Users.manager(site);
        desk = Users.frontDesk(site);
    }

    /** A programme the site's manager defines through the form, monthly calls from 1 March unless said otherwise. */
    long programme(String name, Map<String, String> fields) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("siteId", String.valueOf(site), "name", name, "kind", "CALL",
                "repeat", "MONTHLY", "startsOn", "2026-03-01"));
        values.putAll(fields);
        MockHttpServletRequestBuilder form = post("/care/programmes").with(Users.as(manager)).with(csrf()).cookie(ENGLISH);
        values.forEach(form::param);
        MvcResult result = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The site's manager adds the shipped programmes, in English. */
    void addDefaults() throws Exception {
        mvc.perform(post("/care/programmes/defaults").with(Users.as(manager)).with(csrf()).cookie(ENGLISH)
                .param("siteId", String.valueOf(site))).andExpect(status().is3xxRedirection());
    }

    /** A contact recorded by the site's front desk, in English. */
    void contact(long task, String outcome, String note) throws Exception {
        mvc.perform(post("/care/tasks/" + task + "/contacts").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                .param("outcome", outcome).param("note", note == null ? "" : note))
                .andExpect(status().is3xxRedirection());
    }

    String page(String url, PropertyDeskUser user) throws Exception {
        return mvc.perform(get(url).with(Users.as(user)).cookie(ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
