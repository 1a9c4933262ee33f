package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The front desk's "today" panel on the start page: the request queues, the breaches among today's requests and the
 * callbacks due, each number the one its list shows and linked to it. The clock stands on Wednesday 25 March 2026,
 * 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class TodayViewTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    DashboardApiData data;

    @Autowired
    MutableClock clock;

    long site;
    PropertyDeskUser desk;

    @BeforeEach
    void aFrontDeskWithAMorningsWork() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        desk = Users.frontDesk(site);
        data.request(site, RequestKind.REPAIR, "2026-03-25T09:50").ownedBy(desk).save();
        // Acknowledged, to be resolved at 10:03: at risk since 09:58.
        data.request(site, RequestKind.INQUIRY, "2026-03-25T09:00").status("ACKNOWLEDGED")
                .acknowledged("2026-03-25T09:05").dueResolve("2026-03-25T10:03").save();
        // Breached this morning, and breached yesterday: both in the queue, only the first among today's requests.
        data.request(site, RequestKind.INQUIRY, "2026-03-25T08:00").status("ACKNOWLEDGED")
                .acknowledged("2026-03-25T08:05").dueResolve("2026-03-25T09:00").save();
        data.request(site, RequestKind.INQUIRY, "2026-03-24T09:00").status("ACKNOWLEDGED")
                .acknowledged("2026-03-24T09:05").dueResolve("2026-03-24T18:00").save();
        data.request(site, RequestKind.COMPLAINT, "2026-03-25T07:00").status("ON_HOLD").save();
        long resolved = data.request(site, RequestKind.COMPLAINT, "2026-03-23T09:00").status("RESOLVED")
                .acknowledged("2026-03-23T09:10").resolved("2026-03-24T09:00").save();
        long resolvedEarlier = data.request(site, RequestKind.REPAIR, "2026-03-22T09:00").status("RESOLVED")
                .acknowledged("2026-03-22T09:10").resolved("2026-03-23T09:00").save();
        data.callback(resolved, "2026-03-25T15:00", "DUE", null, null);
        data.callback(resolvedEarlier, "2026-03-24T15:00", "DUE", null, null);
        data.callback(resolvedEarlier, "2026-03-26T15:00", "DUE", null, null);
    }

    String panel(PropertyDeskUser user) throws Exception {
        return mvc.perform(get("/dashboard/today").header("HX-Request", "true").cookie(ENGLISH).with(Users.as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theFrontDeskSeesItsQueuesTodaysBreachesAndCallbacksEachLinkedToItsList() throws Exception {
        String panel = panel(desk);

        assertThat(panel).doesNotContain("<html");
        assertThat(tile(panel, "today-queue-NEW")).isEqualTo(new Tile("/requests?q=NEW", "1 New"));
        assertThat(tile(panel, "today-queue-AT_RISK")).isEqualTo(new Tile("/requests?q=AT_RISK", "1 At risk"));
        assertThat(tile(panel, "today-queue-BREACHED")).isEqualTo(new Tile("/requests?q=BREACHED", "2 Breached"));
        assertThat(tile(panel, "today-queue-ON_HOLD")).isEqualTo(new Tile("/requests?q=ON_HOLD", "1 On hold"));
        assertThat(tile(panel, "today-queue-MINE")).isEqualTo(new Tile("/requests?q=MINE", "1 Mine"));
        assertThat(tile(panel, "today-breaches").text()).isEqualTo("1 Breaches among today's requests");
        assertThat(tile(panel, "today-callbacks-TODAY")).isEqualTo(new Tile("/callbacks?when=TODAY", "2 Due today"));
        assertThat(tile(panel, "today-callbacks-OVERDUE")).isEqualTo(new Tile("/callbacks?when=OVERDUE", "1 Overdue"));
        assertThat(panel).contains("As of 2026-03-25 10:00");
    }

    @Test
    void everyNumberIsTheOneItsListShows() throws Exception {
        String panel = panel(desk);
        String tabs = mvc.perform(get("/requests/counts").cookie(ENGLISH).with(Users.as(desk)))
                .andReturn().getResponse().getContentAsString();
        String callbackTabs = mvc.perform(get("/callbacks").cookie(ENGLISH).with(Users.as(desk)))
                .andReturn().getResponse().getContentAsString();

        for (String queue : new String[] {"NEW", "AT_RISK", "BREACHED", "ON_HOLD", "MINE"}) {
            assertThat(number(tile(panel, "today-queue-" + queue))).as(queue)
                    .isEqualTo(badge(tabs, "/requests?q=" + queue));
        }
        for (String when : new String[] {"TODAY", "OVERDUE"}) {
            assertThat(number(tile(panel, "today-callbacks-" + when))).as(when)
                    .isEqualTo(badge(callbackTabs, "/callbacks?when=" + when));
        }
    }

    @Test
    void managersFollowTodaysBreachesToTheDashboardListAndDispatchersDoNotCallBack() throws Exception {
        String managers = panel(Users.manager(site));
        assertThat(tile(managers, "today-breaches"))
                .isEqualTo(new Tile("/dashboard/requests?drill=BREACHED&amp;period=TODAY",
                        "1 Breaches among today's requests"));

        String dispatchers = panel(Users.withRole(Role.DISPATCHER, site));
        assertThat(tile(dispatchers, "today-queue-BREACHED").text()).isEqualTo("2 Breached");
        assertThat(dispatchers).doesNotContain("today-callbacks-").doesNotContain("/callbacks");
        assertThat(tile(dispatchers, "today-breaches").href()).as("no list of it a dispatcher may open").isNull();
    }

    @Test
    void theStartPageLoadsThePanelAndWithoutJavaScriptLinksToItsOwnPage() throws Exception {
        String home = mvc.perform(get("/").cookie(ENGLISH).with(Users.as(desk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("hx-get=\"/dashboard/today\"").contains("hx-trigger=\"load, every 60s\"")
                .contains("<a href=\"/dashboard/today\">Open today&#39;s figures</a>");

        String page = mvc.perform(get("/dashboard/today").cookie(ENGLISH).with(Users.as(desk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").contains("<h1 class=\"h3 mb-3\">Today</h1>");
        assertThat(tile(page, "today-queue-NEW").text()).isEqualTo("1 New");
    }

    @Test
    void techniciansHaveNoQueuesToWatch() throws Exception {
        mvc.perform(get("/dashboard/today").with(Users.as(Users.withRole(Role.TECHNICIAN, site))))
                .andExpect(status().isForbidden());
    }

    /** A number of the panel: where it links to (null: no link) and what it says. */
    record Tile(String href, String text) {
    }

    private static Tile tile(String html, String id) {
        Matcher element = Pattern.compile("<(a|div)\\s[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        assertThat(element.find()).as("#%s on the panel", id).isTrue();
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(element.group(0).substring(0, element.group(0).indexOf('>')));
        String text = element.group(2).replaceAll("<[^>]+>", " ").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
        return new Tile(href.find() ? href.group(1) : null, text);
    }

    private static long number(Tile tile) {
        return Long.parseLong(tile.text().split(" ")[0]);
    }

    /** The count on the tab of a list page that links to {@code href} (its other parameters left empty). */
    private static long badge(String html, String href) {
        Matcher tab = Pattern.compile("href=\"" + Pattern.quote(href) + "(?:&amp;[^\"]*)?\"[^>]*>.*?badge[^>]*>(\\d+)<",
                Pattern.DOTALL)
                .matcher(html);
        assertThat(tab.find()).as("the tab linking to %s", href).isTrue();
        return Long.parseLong(tab.group(1));
    }
}
