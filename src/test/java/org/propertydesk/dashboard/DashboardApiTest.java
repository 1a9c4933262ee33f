package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.propertydesk.support.ApiClient.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dashboard through the JSON API: the same figures as the dashboard page computes for the same sites and days,
 * each count linked to the list behind it; only managers and administrators, only their sites, and refused days
 * named at their field. The clock stands on Wednesday 25 March 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class DashboardApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DashboardApiData data;

    @Autowired
    DashboardQueries queries;

    @Autowired
    Dates dates;

    @Autowired
    MutableClock clock;

    long site;
    long otherSite;
    PropertyDeskUser manager;

    @BeforeEach
    void aManagerOfASiteWithAMonthOfRequests() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        otherSite = data.site();
        manager = data.person(Role.MANAGER, site);
        long house = data.house(site);
        // On time at every stage, at a house.
        long repair = data.request(site, RequestKind.REPAIR, "2026-03-02T09:00").house(house).status("CLOSED")
                .acknowledged("2026-03-02T09:10").dueArrival("2026-03-02T11:00").arrived("2026-03-02T10:00")
                .resolved("2026-03-02T12:00").save();
        data.callback(repair, "2026-03-03T12:00", "DONE", "2026-03-03T11:00", "SATISFIED");
        // Acknowledged a day late and resolved late; the owner was called back late and was not happy.
        long complaint = data.request(site, RequestKind.COMPLAINT, "2026-03-05T09:00").status("CLOSED")
                .dueAcknowledge("2026-03-06T09:00").acknowledged("2026-03-07T09:00")
                .dueResolve("2026-03-08T09:00").resolved("2026-03-08T10:00").save();
        data.callback(complaint, "2026-03-09T10:00", "DONE", "2026-03-09T15:00", "UNSATISFIED");
        data.request(site, RequestKind.INQUIRY, "2026-03-10T14:00").status("CLOSED").resolvedAtIntake()
                .acknowledged("2026-03-10T14:00").resolved("2026-03-10T14:05").save();
        // Still being worked on, past its resolve time: breached and in the backlog.
        data.request(site, RequestKind.REPAIR, "2026-03-20T09:00").house(house).status("IN_PROGRESS")
                .acknowledged("2026-03-20T09:05").dueResolve("2026-03-22T09:00").save();
        // Before the period, and another site's: neither counts.
        data.request(site, RequestKind.REPAIR, "2026-02-20T09:00").save();
        data.request(otherSite, RequestKind.COMPLAINT, "2026-03-12T09:00").save();
    }

    String token(PropertyDeskUser user) throws Exception {
        return ApiClient.token(mvc, user.getUsername(), "x");
    }

    ResultActions call(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(bearer(token)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    MockHttpServletRequestBuilder dashboard(String siteCode, String from, String to) {
        MockHttpServletRequestBuilder request = get("/api/v1/dashboard");
        if (siteCode != null) {
            request.param("siteCode", siteCode);
        }
        if (from != null) {
            request.param("from", from);
        }
        if (to != null) {
            request.param("to", to);
        }
        return request;
    }

    @Test
    void everyFigureIsTheDashboardsOwnForTheSameSiteAndDays() throws Exception {
        String body = call(token(manager), dashboard(data.code(site), "2026-03-01", "2026-03-24"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        Period period = Period.of(Period.Preset.CUSTOM, null, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-24"),
                dates.today(), dates.zone());
        Dashboard expected = queries.dashboard(new Selection(List.of(site), period, dates.now(), dates.zone()));

        assertThat(mismatches(body, expected)).as("figures that differ from the dashboard's").isEmpty();
        assertThat(expected.volume().received().value()).as("the requests received in the period").isEqualTo(4);
        assertThat(expected.breaches().value()).as("the late complaint and the overdue repair").isEqualTo(2);
        assertThat(expected.backlog().threeToSevenDays().value()).isEqualTo(1);
        assertThat(expected.callbacks().late().value()).isEqualTo(1);
        assertThat(expected.responses().get(0).onTime().percent()).isEqualByComparingTo("75.0");
    }

    @Test
    void sharesAreNumbersWithOneDecimalOrNullAndCountsLinkToTheirList() throws Exception {
        String code = data.code(site);
        String body = call(token(manager), dashboard(code, "2026-03-01", "2026-03-24"))
                .andExpect(jsonPath("$.sites", hasSize(1)))
                .andExpect(jsonPath("$.sites[0].code").value(code))
                .andExpect(jsonPath("$.period.from").value("2026-03-01"))
                .andExpect(jsonPath("$.period.to").value("2026-03-24"))
                .andExpect(jsonPath("$.period.days").value(24))
                .andExpect(jsonPath("$.period.asOf").value("2026-03-25T00:00:00+08:00"))
                .andExpect(jsonPath("$.firstContactResolution.percent").value(100.0))
                .andExpect(jsonPath("$.firstContactResolution.count.value").value(1))
                .andExpect(jsonPath("$.firstContactResolution.of.value").value(1))
                .andExpect(jsonPath("$.stages[0].target").value("ACKNOWLEDGE"))
                .andExpect(jsonPath("$.stages[2].target").value("RESOLVE"))
                .andExpect(jsonPath("$.stages[2].onTimePercent").value(50.0))
                .andExpect(jsonPath("$.promisesKept.percent").value(nullValue()))
                .andExpect(jsonPath("$.breaches.value").value(2))
                .andExpect(jsonPath("$.breaches.drill").value("BREACHED"))
                .andExpect(jsonPath("$.breaches.link").value("/dashboard/requests?drill=BREACHED&sites=" + site
                        + "&period=CUSTOM&from=2026-03-01&to=2026-03-24"))
                .andExpect(jsonPath("$.responses[1].kind").value("INQUIRY"))
                .andExpect(jsonPath("$.responses[1].onTime.count.link").value("/dashboard/requests?drill=ACKNOWLEDGE_ON_TIME"
                        + "&kind=INQUIRY&sites=" + site + "&period=CUSTOM&from=2026-03-01&to=2026-03-24"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).as("whole percentages keep their decimal").contains("\"percent\":100.0,")
                .contains("\"onTimePercent\":50.0");
    }

    @Test
    void withoutSiteOrDaysItCoversEveryOneOfTheCallersSitesOverTheLast30Days() throws Exception {
        PropertyDeskUser both = data.person(Role.MANAGER, site, otherSite);
        call(token(both), dashboard(null, null, null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sites[*].code").value(containsInAnyOrder(data.code(site), data.code(otherSite))))
                .andExpect(jsonPath("$.period.from").value("2026-02-24"))
                .andExpect(jsonPath("$.period.to").value("2026-03-25"))
                .andExpect(jsonPath("$.volume.received.value").value(5))
                .andExpect(jsonPath("$.volume.received.link").value("/dashboard/requests?drill=RECEIVED&period=DAYS_30"));
    }

    @Test
    void aSiteTheCallerDoesNotServeIsNotFound() throws Exception {
        String token = token(manager);
        call(token, dashboard(data.code(otherSite), null, null))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("There is no site \"" + data.code(otherSite)
                        + "\" among the sites you serve."));
        call(token, dashboard("NO-SUCH-SITE", null, null)).andExpect(status().isNotFound());
    }

    @Test
    void onlyManagersAndAdministratorsReadIt() throws Exception {
        call(token(data.person(Role.FRONT_DESK, site)), dashboard(data.code(site), null, null))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:forbidden"));
        call(token(data.person(Role.DISPATCHER, site)), dashboard(null, null, null)).andExpect(status().isForbidden());
        call(token(data.person(Role.ADMIN, site)), dashboard(data.code(site), null, null)).andExpect(status().isOk());
    }

    @Test
    void withoutATokenItAsksForOne() throws Exception {
        mvc.perform(dashboard(null, null, null))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusedDaysAreNamedAtTheirField() throws Exception {
        String token = token(manager);
        String code = data.code(site);
        call(token, dashboard(code, "2026-13-01", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:validation"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("Give a date as yyyy-MM-dd, e.g. 2026-03-31."))
                .andExpect(jsonPath("$.errors[1].field").value("to"));
        call(token, dashboard(code, "2026-03-10", "2026-03-09"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("The last day must not be before the first day."));
        call(token, dashboard(code, "2025-03-01", "2026-03-02"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("At most 366 days, first and last day included."));
        call(token, dashboard(code, "2026-03-01", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        call(token, dashboard(code, "2025-03-02", "2026-03-02")).andExpect(status().isOk());
        mvc.perform(dashboard(code, "2026-03-10", "2026-03-09").with(bearer(token)))
                .andExpect(jsonPath("$.errors[0].message").value("结束日期不能早于开始日期。"));
    }

    /** Each figure of the JSON against the dashboard's, described where they differ. */
    private static List<String> mismatches(String json, Dashboard d) {
        List<String> differ = new ArrayList<>();
        Checker check = new Checker(json, differ);
        check.count("$.volume.received", d.volume().received());
        for (int i = 0; i < d.volume().byKind().size(); i++) {
            check.count("$.volume.byKind[" + i + "].count", d.volume().byKind().get(i).count());
        }
        for (int i = 0; i < d.volume().byCategory().size(); i++) {
            check.count("$.volume.byCategory[" + i + "].count", d.volume().byCategory().get(i).count());
        }
        for (int i = 0; i < d.volume().byChannel().size(); i++) {
            check.count("$.volume.byChannel[" + i + "].count", d.volume().byChannel().get(i).count());
        }
        for (int i = 0; i < d.volume().overTime().size(); i++) {
            check.number("$.volume.overTime[" + i + "].total", BigDecimal.valueOf(d.volume().overTime().get(i).total()));
        }
        for (int i = 0; i < d.responses().size(); i++) {
            check.timing("$.responses[" + i + "]", d.responses().get(i));
            check.timing("$.resolutions[" + i + "]", d.resolutions().get(i));
        }
        check.timing("$.arrival", d.arrival());
        for (int i = 0; i < d.stages().size(); i++) {
            check.count("$.stages[" + i + "].onTime", d.stages().get(i).onTime());
            check.count("$.stages[" + i + "].breached", d.stages().get(i).breached());
            check.number("$.stages[" + i + "].onTimePercent", d.stages().get(i).onTimePercent());
        }
        check.count("$.breaches", d.breaches());
        check.count("$.backlog.total", d.backlog().total());
        check.count("$.backlog.underOneDay", d.backlog().underOneDay());
        check.count("$.backlog.oneToThreeDays", d.backlog().oneToThreeDays());
        check.count("$.backlog.threeToSevenDays", d.backlog().threeToSevenDays());
        check.count("$.backlog.overSevenDays", d.backlog().overSevenDays());
        check.rate("$.firstContactResolution", d.firstContactResolution());
        check.rate("$.followUps", d.followUps());
        check.rate("$.reopened", d.reopened());
        check.rate("$.repeats", d.repeats());
        check.size("$.houseHotspots", d.houseHotspots().size());
        check.size("$.buildingHotspots", d.buildingHotspots().size());
        check.rate("$.promisesKept", d.promisesKept());
        check.count("$.complaints.count", d.complaints().count());
        check.number("$.complaints.households", BigDecimal.valueOf(d.complaints().households()));
        check.number("$.complaints.per100Households", d.complaints().per100Households());
        check.rate("$.escalations", d.escalations());
        check.count("$.callbacks.due", d.callbacks().due());
        check.rate("$.callbacks.onTime", d.callbacks().onTime());
        check.count("$.callbacks.late", d.callbacks().late());
        check.rate("$.callbacks.unreachable", d.callbacks().unreachable());
        check.rate("$.callbacks.satisfied", d.callbacks().satisfied());
        check.count("$.callbacks.unsatisfied", d.callbacks().unsatisfied());
        check.count("$.ratings.rated", d.ratings().rated());
        check.number("$.ratings.averageStars", d.ratings().averageStars());
        check.number("$.ratings.index", d.ratings().index());
        check.count("$.ratings.low", d.ratings().low());
        check.size("$.ratings.trend", d.ratings().trend().size());
        check.number("$.satisfaction.national", d.nationalIndex());
        check.size("$.satisfaction.questionnaires", d.satisfaction().size());
        check.size("$.technicians", d.technicians().size());
        return differ;
    }

    private record Checker(String json, List<String> differ) {

        void count(String path, Dashboard.Count expected) {
            number(path + ".value", BigDecimal.valueOf(expected.value()));
            text(path + ".drill", expected.drill().name());
        }

        void rate(String path, Dashboard.Rate expected) {
            number(path + ".percent", expected.percent());
            count(path + ".count", expected.count());
            count(path + ".of", expected.of());
        }

        void timing(String path, Dashboard.Timing expected) {
            text(path + ".kind", expected.kind() == null ? null : expected.kind().name());
            number(path + ".measured", BigDecimal.valueOf(expected.measured()));
            number(path + ".meanMinutes", expected.mean());
            number(path + ".medianMinutes", expected.median());
            number(path + ".p90Minutes", expected.p90());
            rate(path + ".onTime", expected.onTime());
        }

        void size(String path, int expected) {
            number(path + ".length()", BigDecimal.valueOf(expected));
        }

        void number(String path, BigDecimal expected) {
            compare(path, expected, value -> value == null ? null : new BigDecimal(value.toString()));
        }

        void text(String path, String expected) {
            compare(path, expected, value -> value == null ? null : value.toString());
        }

        private <T extends Comparable<T>> void compare(String path, T expected, Function<Object, T> read) {
            T actual = read.apply(JsonPath.read(json, path));
            boolean same = expected == null ? actual == null : actual != null && expected.compareTo(actual) == 0;
            if (!same) {
                differ.add(path + ": expected " + expected + " but was " + actual);
            }
        }
    }
}
