package org.propertydesk.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The signed rating link: a front desk makes one for a resolved complaint, the owner opens it without logging in and
 * rates once. Links past their time, with a changed signature or for another request are refused with a clear page.
 */
@ClockedIntegrationTest
class RatingLinkTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final Pattern LINK = Pattern.compile("value=\"http://localhost:8080(/s/rate/\\d+\\?expires=\\d+&amp;sig=[A-Za-z0-9_-]+)\"");

    @Autowired
    CallbacksTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long site;
    long request;
    PropertyDeskUser desk;
    PropertyDeskUser manager;

    @BeforeEach
    void aResolvedComplaint() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        desk = data.frontDesk(site);
        manager = data.manager(site);
        request = data.resolvedComplaint(site, data.house(site));
    }

    @Test
    void theOwnerOpensTheLinkWithoutLoggingInAndRatesOnce() throws Exception {
        String link = linkFor(request);

        String page = mvc.perform(get(link).cookie(ENGLISH)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(data.requestNumber(request), "Noise", CallbacksTestData.WHAT_WAS_DONE, "Overall")
                .doesNotContain("navbar", "13800138000", "楼上每晚装修噪音");

        String thanks = mvc.perform(post(link).with(csrf()).cookie(ENGLISH).param("overall", "4").param("speed", "5")
                        .param("quality", "4").param("comment", "处理及时"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(thanks).contains("Your rating of request " + data.requestNumber(request) + " has been received");
        assertThat(jdbc.sql("select channel || ':' || overall || ':' || speed || ':' || recorded_by from request_rating where request_id = ?")
                .params(request).query(String.class).single()).isEqualTo("LINK:4:5:owner");

        assertThat(mvc.perform(get(link).cookie(ENGLISH)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("has already been rated");
        mvc.perform(post(link).with(csrf()).cookie(ENGLISH).param("overall", "1")).andExpect(status().isOk());
        assertThat(jdbc.sql("select overall from request_rating where request_id = ?").params(request)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void theRatingPageIsInChineseByDefaultAndNeedsAnOverallRating() throws Exception {
        String link = linkFor(request);

        assertThat(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("总体评价", "提交评价");
        mvc.perform(post(link).with(csrf()).cookie(ENGLISH).param("speed", "3").param("comment", "一般"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAtGroup("overall", "Give an overall rating."));
        assertThat(jdbc.sql("select count(*) from request_rating where request_id = ?").params(request)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredLinkIsRefusedAsGone() throws Exception {
        String link = linkFor(request);
        clock.advance(Duration.ofDays(15));

        String html = refused(mvc.perform(get(link).cookie(ENGLISH)).andExpect(status().isGone()).andReturn());
        assertThat(html).contains("This link has expired");
        mvc.perform(post(link).with(csrf()).cookie(ENGLISH).param("overall", "5")).andExpect(status().isGone());
        assertThat(jdbc.sql("select count(*) from request_rating where request_id = ?").params(request)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aChangedSignatureOrAnotherRequestIsRefusedAsNotFound() throws Exception {
        String link = linkFor(request);
        long other = data.resolvedComplaint(site, data.house(site));

        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        assertThat(refused(mvc.perform(get(tampered).cookie(ENGLISH)).andExpect(status().isNotFound()).andReturn()))
                .contains("This link is not valid");
        mvc.perform(get(link.replace("/s/rate/" + request, "/s/rate/" + other)).cookie(ENGLISH))
                .andExpect(status().isNotFound());
        mvc.perform(post(link.replace("/s/rate/" + request, "/s/rate/" + other)).with(csrf()).cookie(ENGLISH)
                .param("overall", "1")).andExpect(status().isNotFound());
        mvc.perform(get("/s/rate/" + request).cookie(ENGLISH)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from request_rating where request_id in (?, ?)").params(request, other)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLowRatingNotesTheRequestAndAsksTheManagersToFollowUp() throws Exception {
        String link = linkFor(request);

        mvc.perform(post(link).with(csrf()).cookie(ENGLISH).param("overall", "2").param("comment", "态度很差"))
                .andExpect(status().isOk());

        assertThat(data.timeline(request)).contains("internalNote");
        assertThat(jdbc.sql("select note from request_event where request_id = ? and type = 'internalNote'")
                .params(request).query(String.class).single()).contains("rating.low.TRUE", "态度很差");
        assertThat(data.notificationKinds(manager)).contains("FOLLOW_UP");
    }

    @Test
    void onlyCallersOfTheSiteMakeLinks() throws Exception {
        mvc.perform(post("/callbacks/requests/" + request + "/rating-link").with(Users.as(data.dispatcher(site)))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/callbacks/requests/" + request + "/rating-link").with(Users.as(data.frontDesk(data.site())))
                .with(csrf())).andExpect(status().isNotFound());
    }

    /** The link a front desk of the site copies from the request page. */
    private String linkFor(long requestId) throws Exception {
        String html = mvc.perform(post("/callbacks/requests/" + requestId + "/rating-link").with(Users.as(desk))
                        .with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Copy this link and send it to the owner");
        Matcher link = LINK.matcher(html);
        assertThat(link.find()).as("an absolute rating link in %s", html).isTrue();
        return Html.unescape(link.group(1));
    }

    private static String refused(MvcResult result) throws Exception {
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("This link cannot be used").doesNotContain("navbar");
        return html;
    }
}
