package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.care.CareProgrammeWorld.MARCH;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's care section for the site of {@link CareProgrammeWorld}: in March a call to the elderly living
 * alone and a birthday greeting each target two households; one is reached, one call does not get through. Ratings:
 * 王奶奶 (elderly, 1-101) gives 5 and 3 stars, 张女士 at 2-201 (whose mother is elderly) 4, 李先生 (1-102) 2, and 5
 * in February, outside the period.
 */
@ClockedIntegrationTest
class CareCoverageSectionTest {

    @Autowired
    CareProgrammeTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    CareProgrammeWorld world;

    @BeforeEach
    void marchAtTheKnownSite() throws Exception {
        clock.set("2026-03-25T10:00");
        world = new CareProgrammeWorld(data, mvc);
        long elderly = world.programme("独居老人月度电话", Map.of("careFlag", "ELDERLY_ALONE"));
        long birthday = world.programme("三月生日祝福", Map.of("birthdayThisMonth", "true", "kind", "GREETING"));
        world.contact(data.task(elderly, MARCH, "1-101"), "DONE", null);
        world.contact(data.task(birthday, MARCH, "2-201"), "NOT_REACHABLE", null);

        data.ratedRequest(world.site, world.h101, world.wang, 5, "2026-03-10T10:00");
        data.ratedRequest(world.site, world.h101, world.wang, 3, "2026-03-12T15:00");
        data.ratedRequest(world.site, world.h201, world.zhang, 4, "2026-03-15T09:30");
        data.ratedRequest(world.site, world.h102, world.li, 2, "2026-03-18T11:00");
        data.ratedRequest(world.site, world.h102, world.li, 5, "2026-02-10T11:00");
    }

    @Test
    void coveragePerSiteCountsTheHouseholdsReachedInTheRoundsOfThePeriod() throws Exception {
        String march = section("period=MONTH&month=2026-03&sites=" + world.site);

        String row = row(march, "data-site=\"" + world.site + "\"");
        assertThat(cell(row, "care-targeted")).isEqualTo("4");
        assertThat(cell(row, "care-reached")).isEqualTo("1");
        assertThat(row).contains("25.0%");

        String february = section("period=CUSTOM&from=2026-02-01&to=2026-02-28&sites=" + world.site);
        String before = row(february, "data-site=\"" + world.site + "\"");
        assertThat(cell(before, "care-targeted")).isEqualTo("0");
        assertThat(before).doesNotContain("%");
    }

    @Test
    void caredForHouseholdsAreRatedBesideTheOthers() throws Exception {
        String march = section("period=MONTH&month=2026-03&sites=" + world.site);

        String cared = row(march, "data-group=\"cared\"");
        assertThat(cell(cared, "care-count")).isEqualTo("3");
        assertThat(cell(cared, "care-stars")).isEqualTo("4.00");
        assertThat(cared).contains(">75.0<");
        String others = row(march, "data-group=\"others\"");
        assertThat(cell(others, "care-count")).isEqualTo("1");
        assertThat(cell(others, "care-stars")).isEqualTo("2.00");
        assertThat(others).contains(">25.0<");
    }

    @Test
    void aRefusedPeriodIsSaidInTheSection() throws Exception {
        assertThat(section("period=CUSTOM&from=2026-03-10&to=2026-03-01&sites=" + world.site))
                .contains("The last day must not be before the first day.").doesNotContain("care-coverage");
    }

    @Test
    void theDashboardLoadsTheSection() throws Exception {
        assertThat(world.page("/dashboard?sites=" + world.site, world.manager)).contains("Customer care", "/care/dashboard");
    }

    private String section(String query) throws Exception {
        return world.page("/care/dashboard?" + query, world.manager);
    }

    /** The table row carrying this marker. */
    private static String row(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("row %s", marker).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static String cell(String row, String cssClass) {
        int at = row.indexOf("class=\"" + cssClass + "\"");
        assertThat(at).as("cell %s", cssClass).isNotNegative();
        int start = row.indexOf('>', at) + 1;
        return row.substring(start, row.indexOf('<', start)).trim();
    }
}
