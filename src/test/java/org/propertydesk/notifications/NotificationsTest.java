package org.propertydesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The bell and the list behind it: everyone sees, opens and clears only their own notifications, each read in the
 * reader's language; and reopening a request tells its owner and the site's dispatchers.
 */
@WebIntegrationTest
class NotificationsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ApplicationContext context;

    StaffFixtures staff;
    SiteRef site;
    PropertyDeskUser alice;
    PropertyDeskUser bob;

    @BeforeEach
    void twoColleaguesAtOneSite() {
        staff = new StaffFixtures(context);
        site = new RecordsFixtures(context).site();
        alice = account(Role.FRONT_DESK, site);
        bob = account(Role.FRONT_DESK, site);
    }

    @Test
    void theBellCountsOnlyMyUnreadNotifications() throws Exception {
        reopened(alice, "R-ALICE-1", "/requests/1");
        reopened(alice, "R-ALICE-2", "/requests/2");
        reopened(bob, "R-BOB-1", "/requests/3");

        assertThat(html(get("/notifications/bell"), alice, null)).contains("aria-label=\"2 条未读通知\"").contains(">2</span>");
        assertThat(html(get("/notifications/bell"), bob, ENGLISH)).contains("aria-label=\"1 unread notifications\"");
        assertThat(html(get("/notifications/bell"), account(Role.DISPATCHER, site), null))
                .contains("aria-label=\"0 条未读通知\"").doesNotContain("badge");
    }

    @Test
    void theListShowsOnlyMyNotificationsNewestFirst() throws Exception {
        reopened(alice, "R-ALICE-1", "/requests/1");
        reopened(bob, "R-BOB-1", "/requests/3");
        reopened(alice, "R-ALICE-2", "/requests/2");

        String page = html(get("/notifications"), alice, null);

        assertThat(page).contains("工单 R-ALICE-1 已重开：业主不满意", "工单 R-ALICE-2 已重开：业主不满意")
                .doesNotContain("R-BOB-1");
        assertThat(page.indexOf("R-ALICE-2")).isLessThan(page.indexOf("R-ALICE-1"));
        assertThat(html(get("/notifications"), account(Role.TECHNICIAN, site), null)).contains("暂无通知。");
    }

    @Test
    void openingANotificationMarksItReadAndFollowsItsLink() throws Exception {
        long first = reopened(alice, "R-ALICE-1", "/requests/41");
        long second = reopened(alice, "R-ALICE-2", null);

        MvcResult opened = perform(post("/notifications/" + first + "/open"), alice, null);
        MvcResult withoutLink = perform(post("/notifications/" + second + "/open"), alice, null);

        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/requests/41");
        assertThat(withoutLink.getResponse().getRedirectedUrl()).isEqualTo("/notifications");
        assertThat(isRead(first)).isTrue();
        assertThat(isRead(second)).isTrue();
        assertThat(perform(post("/notifications/" + first + "/open"), alice, null).getResponse().getRedirectedUrl())
                .as("opening it again still leads there").isEqualTo("/requests/41");
        assertThat(html(get("/notifications/bell"), alice, null)).contains("aria-label=\"0 条未读通知\"");
    }

    @Test
    void someoneElsesNotificationIsNotFound() throws Exception {
        long bobs = reopened(bob, "R-BOB-1", "/requests/3");

        MvcResult refused = perform(post("/notifications/" + bobs + "/open"), alice, null);

        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
        assertThat(isRead(bobs)).isFalse();
        assertThat(perform(post("/notifications/999999999/open"), alice, null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void readAllClearsOnlyMine() throws Exception {
        long a1 = reopened(alice, "R-ALICE-1", "/requests/1");
        long a2 = reopened(alice, "R-ALICE-2", "/requests/2");
        long b1 = reopened(bob, "R-BOB-1", "/requests/3");

        MvcResult done = perform(post("/notifications/read-all"), alice, null);

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/notifications");
        assertThat(isRead(a1)).isTrue();
        assertThat(isRead(a2)).isTrue();
        assertThat(isRead(b1)).isFalse();
        assertThat(html(get("/notifications/bell"), bob, null)).contains("aria-label=\"1 条未读通知\"");
    }

    @Test
    void messagesReadInTheReadersLanguage() throws Exception {
        notifications.send(List.of(alice.getUsername()), "ESCALATION", "notification.escalated.supervisor",
                List.of("R-260325-0042", "request.target.ACKNOWLEDGE", "2026-03-25 10:15"), "/requests/42");
        notifications.send(List.of(alice.getUsername()), "ESCALATION", "notification.escalated.manager",
                List.of("R-260325-0043", "request.target.ARRIVAL", "2026-03-25 10:30"), "/requests/43");

        String chinese = html(get("/notifications"), alice, null);
        String english = html(get("/notifications"), alice, ENGLISH);

        assertThat(chinese).contains("工单 R-260325-0042 的“响应”已超时（时限 2026-03-25 10:15），请尽快处理。")
                .contains("工单 R-260325-0043 的“到场”仍未完成（时限 2026-03-25 10:30），已升级给您。")
                .contains(">升级<");
        assertThat(english).contains("Request R-260325-0042 missed its \"Acknowledge\" target (due 2026-03-25 10:15). Please take action.")
                .contains("Request R-260325-0043 is still overdue on \"On site\" (due 2026-03-25 10:30): escalated to you.")
                .contains(">Escalation<");
    }

    @Test
    void reopeningARequestTellsItsOwnerAndTheSitesDispatchers() throws Exception {
        PropertyDeskUser dispatcher = account(Role.DISPATCHER, site);
        PropertyDeskUser elsewhere = account(Role.DISPATCHER, new RecordsFixtures(context).site());
        PropertyDeskUser gone = account(Role.DISPATCHER, site);
        jdbc.sql("update staff set active = false where username = ?").params(gone.getUsername()).update();
        long request = answeredAtIntake(alice);
        String number = jdbc.sql("select number from service_request where id = ?").params(request).query(String.class).single();

        MvcResult reopened = perform(post("/requests/" + request + "/actions/reopen").param("note", "业主说还是不清楚"), dispatcher,
                ENGLISH);

        assertThat(reopened.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + request);
        assertThat(reopenedNotices(alice, request)).as("the owner").hasSize(1);
        assertThat(reopenedNotices(dispatcher, request)).as("a dispatcher of the site").hasSize(1);
        assertThat(reopenedNotices(elsewhere, request)).as("another site's dispatcher").isEmpty();
        assertThat(reopenedNotices(gone, request)).as("an inactive dispatcher").isEmpty();
        assertThat(reopenedNotices(bob, request)).as("a colleague who does not own it").isEmpty();
        assertThat(html(get("/notifications"), alice, ENGLISH)).contains("Request " + number + " was reopened: 业主说还是不清楚")
                .contains(">Reopened<");
        assertThat(html(get("/notifications/bell"), alice, ENGLISH)).contains("aria-label=\"1 unread notifications\"");
    }

    @Test
    void aReasonOfTheLongestAllowedLengthStillReachesEveryone() throws Exception {
        PropertyDeskUser dispatcher = account(Role.DISPATCHER, site);
        long request = answeredAtIntake(alice);
        String reason = "业主来电：" + "维修后仍然漏水，".repeat(61);

        MvcResult reopened = perform(post("/requests/" + request + "/actions/reopen").param("note", reason), dispatcher, null);

        assertThat(reopened.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + request);
        assertThat(jdbc.sql("select status from service_request where id = ?").params(request).query(String.class).single())
                .isEqualTo("REOPENED");
        assertThat(reopenedNotices(alice, request)).as("the owner").hasSize(1);
        assertThat(reopenedNotices(dispatcher, request)).as("a dispatcher of the site").hasSize(1);
    }

    // Helpers

    private PropertyDeskUser account(Role role, SiteRef servedSite) {
        String username = StaffFixtures.uniqueUsername(role.name().toLowerCase());
        staff.account(username, Set.of(role), List.of(servedSite.id()));
        return (PropertyDeskUser) accounts.loadUserByUsername(username);
    }

    /** A reopening notice as the request module sends it; returns its id. */
    private long reopened(PropertyDeskUser to, String number, String link) {
        notifications.send(List.of(to.getUsername()), "REOPENED", "notification.reopened", List.of(number, "业主不满意"), link);
        return jdbc.sql("select max(id) from notification where recipient = ?").params(to.getUsername()).query(Long.class).single();
    }

    private boolean isRead(long id) {
        return jdbc.sql("select read_at is not null from notification where id = ?").params(id).query(Boolean.class).single();
    }

    private List<Long> reopenedNotices(PropertyDeskUser who, long requestId) {
        return jdbc.sql("select id from notification where recipient = ? and kind = 'REOPENED' and link = ?")
                .params(who.getUsername(), "/requests/" + requestId).query(Long.class).list();
    }

    /** An inquiry the front desk answered on the call: resolved at intake, owned by whoever took it. */
    private long answeredAtIntake(PropertyDeskUser frontDesk) throws Exception {
        MvcResult saved = perform(post("/requests").param("kind", "INQUIRY").param("categoryCode", "FEES").param("channel", "PHONE")
                .param("siteId", String.valueOf(site.id())).param("locationText", "物业服务中心")
                .param("contactPhone", "139 1234 5678").param("description", "咨询物业费缴纳方式")
                .param("resolveAtIntake", "true").param("answer", "可在业主端缴纳。"), frontDesk, null);
        String url = saved.getResponse().getRedirectedUrl();
        assertThat(url).as("the request was saved").matches("/requests/\\d+");
        return Long.parseLong(url.substring("/requests/".length()));
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, PropertyDeskUser who, Cookie language) throws Exception {
        request.with(user(who)).with(csrf());
        if (language != null) {
            request.cookie(language);
        }
        return mvc.perform(request).andReturn();
    }

    private String html(MockHttpServletRequestBuilder request, PropertyDeskUser who, Cookie language) throws Exception {
        MvcResult result = perform(request, who, language);
        assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI()).isEqualTo(200);
        return result.getResponse().getContentAsString().replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
