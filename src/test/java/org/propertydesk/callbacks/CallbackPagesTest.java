package org.propertydesk.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The callback queue, the callback page and the callback settings, in English. The clock stands on Wednesday
 * 25 March 2026, 10:00 in Shanghai; the site calls back within one business hour, unreachable after three failed calls.
 */
@ClockedIntegrationTest
class CallbackPagesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    CallbacksTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long site;
    long house;
    PropertyDeskUser desk;
    PropertyDeskUser manager;

    @BeforeEach
    void aSiteWithAFrontDeskAndAManager() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        data.siteSetting(site, 1, 3);
        desk = data.frontDesk(site);
        manager = data.manager(site);
    }

    @Test
    void theQueueShowsAResolvedComplaintWithWhatWasDoneAndHighlightsItOnceOverdue() throws Exception {
        long request = data.resolvedComplaint(site, house);
        String number = data.requestNumber(request);

        String today = page(get("/callbacks").param("siteId", String.valueOf(site)), desk);
        assertThat(today).contains(number, CallbacksTestData.WHAT_WAS_DONE, "Complaint", "Noise", "-1502",
                "tel:13800138000", "2026-03-25 11:00").doesNotContain("callback-overdue");

        clock.set("2026-03-25T11:30");
        String overdue = page(get("/callbacks").param("when", "OVERDUE").param("siteId", String.valueOf(site)), desk);
        assertThat(overdue).contains(number, "callback-overdue", "Overdue");
        assertThat(page(get("/callbacks").param("when", "FINISHED").param("siteId", String.valueOf(site)), desk))
                .doesNotContain(number);
    }

    @Test
    void aCallbackDueOnAnotherDayIsInAllDueButNotToday() throws Exception {
        long slowSite = data.site();
        long request = data.resolvedComplaint(slowSite, data.house(slowSite));
        PropertyDeskUser slowDesk = data.frontDesk(slowSite);
        String number = data.requestNumber(request);

        assertThat(page(get("/callbacks").param("siteId", String.valueOf(slowSite)), slowDesk)).doesNotContain(number);
        assertThat(page(get("/callbacks").param("when", "DUE"), slowDesk)).contains(number);
    }

    @Test
    void twoFailedCallsThenAnUnsatisfiedOwnerReopensTheRequestAndTellsTheManagers() throws Exception {
        long request = data.resolvedComplaint(site, house);
        long callback = data.dueCallback(request);

        attempt(callback, "NO_ANSWER", null).andExpect(redirectedUrl("/callbacks"));
        clock.set("2026-03-25T10:20");
        attempt(callback, "WRONG_NUMBER", null).andExpect(redirectedUrl("/callbacks"));
        assertThat(data.callbackStatus(callback)).isEqualTo("DUE");
        assertThat(page(get("/callbacks/" + callback), desk)).contains("No answer", "Wrong number", "2 of 3");

        clock.set("2026-03-25T10:40");
        mvc.perform(post("/callbacks/" + callback + "/reached").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("version", String.valueOf(data.callbackVersion(callback)))
                        .param("solved", "false").param("satisfaction", "UNSATISFIED").param("comment", "晚上还是很吵"))
                .andExpect(redirectedUrl("/callbacks"))
                .andExpect(flashKey("flashSuccess", "callback.flash.reopened"));

        assertThat(data.callbackStatus(callback)).isEqualTo("DONE");
        assertThat(data.requestStatus(request)).isEqualTo("REOPENED");
        assertThat(data.timeline(request)).containsSubsequence("resolved", "callbackDone", "reopened");
        assertThat(data.notificationKinds(manager)).contains("ESCALATION");
    }

    @Test
    void aSatisfiedOwnerClosesTheRequestAndTheirStarsAreRecordedFromTheCallback() throws Exception {
        long request = data.resolvedComplaint(site, house);
        long callback = data.dueCallback(request);

        mvc.perform(post("/callbacks/" + callback + "/reached").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("solved", "true").param("satisfaction", "SATISFIED").param("comment", "很好")
                        .param("overall", "5").param("speed", "4"))
                .andExpect(redirectedUrl("/callbacks"));

        assertThat(data.requestStatus(request)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select channel || ':' || overall || ':' || speed from request_rating where request_id = ?")
                .params(request).query(String.class).single()).isEqualTo("CALLBACK:5:4");
        assertThat(page(get("/callbacks/requests/" + request + "/section"), desk))
                .contains("Done", "Satisfied", "On the callback", "★★★★★");
    }

    @Test
    void afterTheLastFailedCallTheCallbackEndsUnreachableAndIsCounted() throws Exception {
        long strictSite = data.site();
        data.siteSetting(strictSite, 1, 2);
        PropertyDeskUser strictDesk = data.frontDesk(strictSite);
        long request = data.resolvedComplaint(strictSite, data.house(strictSite));
        long callback = data.dueCallback(request);

        mvc.perform(post("/callbacks/" + callback + "/attempts").with(Users.as(strictDesk)).with(csrf()).cookie(ENGLISH)
                .param("outcome", "NO_ANSWER")).andExpect(redirectedUrl("/callbacks"));
        mvc.perform(post("/callbacks/" + callback + "/attempts").with(Users.as(strictDesk)).with(csrf()).cookie(ENGLISH)
                        .param("outcome", "REFUSED"))
                .andExpect(flashKey("flashSuccess", "callback.flash.unreachable"));

        assertThat(data.callbackStatus(callback)).isEqualTo("UNREACHABLE");
        assertThat(data.requestStatus(request)).isEqualTo("RESOLVED");
        assertThat(data.timeline(request)).contains("callbackDone");
        assertThat(page(get("/callbacks").param("when", "FINISHED"), strictDesk)).contains(data.requestNumber(request),
                "Unreachable");
    }

    @Test
    void aCallLaterNeedsAFutureTimeAndTheFormKeepsWhatWasTyped() throws Exception {
        long callback = data.dueCallback(data.resolvedComplaint(site, house));

        mvc.perform(post("/callbacks/" + callback + "/attempts").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("outcome", "CALL_LATER").param("callBackAt", "2026-03-25T09:00").param("note", "业主在开会"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("callBackAt", "Give a future time to call back."))
                .andExpect(content().string(containsString("业主在开会")));

        attempt(callback, "CALL_LATER", "2026-03-25T16:00").andExpect(redirectedUrl("/callbacks"));
        assertThat(page(get("/callbacks/" + callback), desk)).contains("2026-03-25 16:00", "Call back later");
        assertThat(data.callbackStatus(callback)).isEqualTo("DUE");
    }

    @Test
    void reachingTheOwnerNeedsTheirAnswer() throws Exception {
        long callback = data.dueCallback(data.resolvedComplaint(site, house));

        mvc.perform(post("/callbacks/" + callback + "/reached").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("solved", "true").param("comment", "还行").param("overall", "9"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAtGroup("satisfaction", "Required."))
                .andExpect(Html.errorAt("overall", "Must be at most 5."))
                .andExpect(content().string(containsString("还行")));
        assertThat(data.callbackStatus(callback)).isEqualTo("DUE");
    }

    @Test
    void aStaleFormIsRefusedAboveTheForm() throws Exception {
        long callback = data.dueCallback(data.resolvedComplaint(site, house));
        long version = data.callbackVersion(callback);
        attempt(callback, "NO_ANSWER", null);

        mvc.perform(post("/callbacks/" + callback + "/reached").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("version", String.valueOf(version)).param("solved", "true").param("satisfaction", "SATISFIED"))
                .andExpect(status().isOk())
                .andExpect(Html.formError("Someone else changed this record"));
    }

    @Test
    void callbacksAreForTheFrontDeskAndManagersOfTheSite() throws Exception {
        long request = data.resolvedComplaint(site, house);
        long callback = data.dueCallback(request);
        long otherSite = data.site();

        mvc.perform(get("/callbacks").with(Users.as(data.technician(site)))).andExpect(status().isForbidden());
        mvc.perform(get("/callbacks").with(Users.as(data.dispatcher(site)))).andExpect(status().isForbidden());
        mvc.perform(get("/callbacks/" + callback).with(Users.as(manager))).andExpect(status().isOk());
        mvc.perform(get("/callbacks/" + callback).with(Users.as(data.frontDesk(otherSite)))).andExpect(status().isNotFound());
        mvc.perform(post("/callbacks/" + callback + "/attempts").with(Users.as(data.frontDesk(otherSite))).with(csrf())
                .param("outcome", "NO_ANSWER")).andExpect(status().isNotFound());
        assertThat(page(get("/callbacks"), data.frontDesk(otherSite))).doesNotContain(data.requestNumber(request));

        String forDispatcher = page(get("/callbacks/requests/" + request + "/section"), data.dispatcher(site));
        assertThat(forDispatcher).contains("Due").doesNotContain("Rating link for the owner", "/callbacks/" + callback + "\"");
        assertThat(page(get("/callbacks/requests/" + request + "/section"), desk))
                .contains("Rating link for the owner", "/callbacks/" + callback + "\"");
        mvc.perform(get("/callbacks/requests/" + request + "/section").with(Users.as(data.dispatcher(otherSite))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCallbackPageIsInChineseByDefault() throws Exception {
        long callback = data.dueCallback(data.resolvedComplaint(site, house));

        String html = mvc.perform(get("/callbacks/" + callback).with(Users.as(desk))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("已联系上业主", "无人接听", "待回访");
    }

    @Test
    void settingsAreValidatedAndASiteOverrideCanBeAddedChangedAndRemoved() throws Exception {
        PropertyDeskUser admin = data.manager();
        long newSite = data.site();

        mvc.perform(get("/callbacks/settings").with(Users.as(desk))).andExpect(status().isForbidden());
        mvc.perform(post("/callbacks/settings").with(Users.as(admin)).with(csrf()).cookie(ENGLISH)
                        .param("repairSamplePercent", "150").param("dueBusinessHours", "0").param("maxFailedAttempts", "3")
                        .param("autoCloseDays", ""))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("repairSamplePercent", "Must be at most 100."))
                .andExpect(Html.errorAt("dueBusinessHours", "Must be at least 1."))
                .andExpect(Html.errorAt("autoCloseDays", "Required."));

        mvc.perform(post("/callbacks/settings/sites").with(Users.as(admin)).with(csrf()).cookie(ENGLISH)
                        .param("siteId", String.valueOf(newSite)).param("repairSamplePercent", "50")
                        .param("dueBusinessHours", "8").param("maxFailedAttempts", "2").param("autoCloseDays", "5")
                        .param("inquiryCallbacks", "true"))
                .andExpect(redirectedUrl("/callbacks/settings"));
        assertThat(jdbc.sql("select repair_sample_percent || '/' || due_business_hours || '/' || inquiry_callbacks from callback_setting where site_id = ?")
                .params(newSite).query(String.class).single()).isEqualTo("50/8/true");

        mvc.perform(post("/callbacks/settings/sites").with(Users.as(admin)).with(csrf()).cookie(ENGLISH)
                        .param("siteId", String.valueOf(newSite)).param("repairSamplePercent", "50")
                        .param("dueBusinessHours", "8").param("maxFailedAttempts", "2").param("autoCloseDays", "5"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("siteId", "This site has its own settings already"));

        long version = jdbc.sql("select version from callback_setting where site_id = ?").params(newSite)
                .query(Long.class).single();
        mvc.perform(post("/callbacks/settings/sites/" + newSite).with(Users.as(admin)).with(csrf()).cookie(ENGLISH)
                        .param("version", String.valueOf(version)).param("repairSamplePercent", "30")
                        .param("dueBusinessHours", "8").param("maxFailedAttempts", "11").param("autoCloseDays", "5"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("maxFailedAttempts", "Must be at most 10."));
        mvc.perform(post("/callbacks/settings/sites/" + newSite).with(Users.as(admin)).with(csrf()).cookie(ENGLISH)
                        .param("version", String.valueOf(version)).param("repairSamplePercent", "30")
                        .param("dueBusinessHours", "8").param("maxFailedAttempts", "4").param("autoCloseDays", "5"))
                .andExpect(redirectedUrl("/callbacks/settings"));
        mvc.perform(post("/callbacks/settings/sites/" + newSite).with(Users.as(admin)).with(csrf()).cookie(ENGLISH)
                        .header("Referer", "http://localhost/callbacks/settings/sites/" + newSite)
                        .param("version", String.valueOf(version)).param("repairSamplePercent", "20")
                        .param("dueBusinessHours", "8").param("maxFailedAttempts", "4").param("autoCloseDays", "5"))
                .andExpect(flashKey("flashError", "error.concurrentChange"));
        assertThat(page(get("/callbacks/settings"), admin)).contains("30 %");

        mvc.perform(get("/callbacks/settings/sites/" + newSite).with(Users.as(data.manager(site))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/callbacks/settings/sites/" + newSite + "/delete").with(Users.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/callbacks/settings"));
        assertThat(jdbc.sql("select count(*) from callback_setting where site_id = ?").params(newSite)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aManagerOfOneSiteSeesTheDefaultButCannotChangeIt() throws Exception {
        assertThat(page(get("/callbacks/settings"), manager)).contains("Company default")
                .doesNotContain("name=\"repairSamplePercent\"");
        mvc.perform(post("/callbacks/settings").with(Users.as(manager)).with(csrf())
                        .param("repairSamplePercent", "10").param("dueBusinessHours", "8").param("maxFailedAttempts", "3")
                        .param("autoCloseDays", "7"))
                .andExpect(status().isForbidden());
    }

    private ResultActions attempt(long callback, String outcome, String callBackAt)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/callbacks/" + callback + "/attempts").with(Users.as(desk))
                .with(csrf()).cookie(ENGLISH).param("outcome", outcome);
        if (callBackAt != null) {
            request.param("callBackAt", callBackAt);
        }
        return mvc.perform(request);
    }

    /** The message key of the flash shown on the next page. */
    private static ResultMatcher flashKey(String name, String key) {
        return result -> assertThat(((Flash.FlashMessage) result.getFlashMap().get(name)).key()).isEqualTo(key);
    }

    private String page(MockHttpServletRequestBuilder request, PropertyDeskUser user) throws Exception {
        return mvc.perform(request.with(Users.as(user)).cookie(ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
