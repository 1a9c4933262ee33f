package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Html.errorAt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The community activity pages as specifications, in English: the staff of a site plan an activity, see who signed up
 * and who is waiting, and record who came; owners of the site find it in the portal, sign up, cancel and rate it.
 * Everyone else gets "not found" (another site, another owner) or "forbidden" (a role that has no business here).
 * The clock stands on 1 June 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class ActivityPagesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final String START = "2026-06-10T09:00";
    private static final String END = "2026-06-10T11:00";

    @Autowired
    MockMvc mvc;

    @Autowired
    ActivityTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void firstOfJune() {
        clock.set("2026-06-01T10:00");
    }

    ResultActions as(PropertyDeskUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Users.as(who)).with(csrf()).cookie(ENGLISH));
    }

    String page(PropertyDeskUser who, String url, Object... vars) throws Exception {
        return Html.unescape(as(who, get(url, vars)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    static MockHttpServletRequestBuilder activityForm(String url, long site, String title, String startsAt,
            String endsAt, String capacity) {
        return post(url).param("siteId", String.valueOf(site)).param("title", title).param("startsAt", startsAt)
                .param("endsAt", endsAt).param("place", "中心花园").param("capacity", capacity)
                .param("description", "带上家人一起来。\r\n雨天顺延。");
    }

    @Nested
    class Planning {

        @Test
        void theFrontDeskPlansAnActivityThatOwnersOfTheSiteThenSeeInThePortal() throws Exception {
            long site = data.site();
            PropertyDeskUser desk = Users.frontDesk(site);

            String location = as(desk, activityForm("/activities", site, "端午包粽子", START, END, "30"))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashSuccess"))
                    .andReturn().getResponse().getRedirectedUrl();

            long id = Long.parseLong(location.substring("/activities/".length()));
            var saved = jdbc.sql("select site_id, starts_at, ends_at, held_on, capacity, description from activity where id = ?")
                    .params(id).query((rs, n) -> List.of(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getDate(4).toString(), rs.getInt(5), rs.getString(6)))
                    .single();
            assertThat(saved).containsExactly(site, Instant.parse("2026-06-10T01:00:00Z"),
                    Instant.parse("2026-06-10T03:00:00Z"), "2026-06-10", 30, "带上家人一起来。\n雨天顺延。");
            assertThat(page(desk, "/activities")).contains("端午包粽子", "0 / 30");
            PropertyDeskUser owner = data.owner(site);
            assertThat(page(owner, "/portal/activities")).contains("端午包粽子", "30 places left");
            assertThat(page(owner, "/portal/activities/{id}", id)).contains("端午包粽子", "中心花园", "30 of 30 left",
                    "带上家人一起来。", "Sign up");
        }

        @Test
        void eachMistakeIsShownAtItsField() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = Users.manager(site);

            as(manager, activityForm("/activities", site, " ", START, END, "0"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("title", "Required."))
                    .andExpect(errorAt("capacity", "Must be at least 1."));
            as(manager, activityForm("/activities", site, "音乐会", START, "2026-06-10T08:00", "20"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("endsAt", "The end must be after the start."));
            as(manager, activityForm("/activities", site, "音乐会", "2026-05-30T09:00", "2026-05-30T11:00", "20"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("startsAt", "The start must be in the future."));
            as(manager, activityForm("/activities", site, "音乐会", START, END, "many"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("capacity", "Enter a whole number."));
            as(manager, activityForm("/activities", data.site(), "音乐会", START, END, "20"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("siteId", "Choose one of the sites you serve."));
        }

        @Test
        void fewerPlacesThanPeopleConfirmedAreRefusedAtTheField() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "书法课", START, END, 3);
            as(data.owner(site), post("/portal/activities/{id}/sign-up", activity));
            as(data.owner(site), post("/portal/activities/{id}/sign-up", activity));

            as(Users.manager(site), activityForm("/activities/" + activity + "/edit", site, "书法课", START, END, "1"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("capacity", "places cannot be fewer than those confirmed"));
        }
    }

    @Nested
    class SigningUp {

        @Test
        void anOwnerSignsUpThenSeesTheirPlaceAndTheNextOneWaits() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "亲子运动会", START, END, 1);
            PropertyDeskUser first = data.owner(site);
            PropertyDeskUser second = data.ownerWithAccount(site);

            as(first, post("/portal/activities/{id}/sign-up", activity))
                    .andExpect(redirectedUrl("/portal/activities/" + activity))
                    .andExpect(flash().attributeExists("flashSuccess"));
            assertThat(page(first, "/portal/activities/{id}", activity)).contains("You have a place.", "Cancel my sign-up");
            assertThat(page(second, "/portal/activities/{id}", activity)).contains("Join the waiting list");
            as(second, post("/portal/activities/{id}/sign-up", activity));
            assertThat(page(second, "/portal/activities/{id}", activity))
                    .contains("You are number 1 on the waiting list.", "0 of 1 left", "· 1 waiting");

            as(first, post("/portal/activities/{id}/cancel", activity))
                    .andExpect(redirectedUrl("/portal/activities/" + activity));

            assertThat(page(second, "/portal/activities/{id}", activity)).contains("You have a place.");
            String staffPage = page(Users.frontDesk(site), "/activities/{id}", activity);
            assertThat(staffPage.substring(staffPage.indexOf("id=\"cancelled\""))).contains(first.displayName());
        }

        @Test
        void signingUpTwiceTellsTheOwnerInsteadOfFailing() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "瑜伽", START, END, 5);
            PropertyDeskUser owner = data.owner(site);
            as(owner, post("/portal/activities/{id}/sign-up", activity));

            as(owner, post("/portal/activities/{id}/sign-up", activity))
                    .andExpect(redirectedUrl("/portal/activities/" + activity))
                    .andExpect(flash().attributeExists("flashError"));
            assertThat(data.queue(activity)).hasSize(1);
        }
    }

    @Nested
    class AttendanceAndRating {

        @Test
        void staffTickWhoCameAndThatPersonRatesInThePortal() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "广场舞", START, END, 5);
            PropertyDeskUser came = data.owner(site);
            PropertyDeskUser absent = data.owner(site);
            as(came, post("/portal/activities/{id}/sign-up", activity));
            as(absent, post("/portal/activities/{id}/sign-up", activity));
            PropertyDeskUser desk = Users.frontDesk(site);
            assertThat(page(desk, "/activities/{id}", activity))
                    .contains("Attendance can be recorded once the activity has started.");

            clock.set("2026-06-10T09:15");
            as(desk, post("/activities/{id}/attendance", activity)
                    .param("attended", String.valueOf(data.signUpId(activity, came))))
                    .andExpect(redirectedUrl("/activities/" + activity))
                    .andExpect(flash().attributeExists("flashSuccess"));
            clock.set("2026-06-10T12:00");

            assertThat(page(absent, "/portal/activities/{id}", activity)).doesNotContain("How was it?");
            assertThat(page(came, "/portal/activities/{id}", activity)).contains("How was it?");
            as(came, post("/portal/activities/{id}/rating", activity).param("rating", "5"))
                    .andExpect(redirectedUrl("/portal/activities/" + activity));
            assertThat(page(came, "/portal/activities/{id}", activity)).contains("You gave 5 stars.")
                    .doesNotContain("How was it?");
            assertThat(page(desk, "/activities/{id}", activity)).contains("5.0★ (1 rating)");
            as(absent, post("/portal/activities/{id}/rating", activity).param("rating", "1"))
                    .andExpect(flash().attributeExists("flashError"));
            assertThat(data.rating(activity, absent)).isNull();
        }

        @Test
        void aRatingWithoutStarsIsShownAtTheStars() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "棋牌赛", START, END, 5);
            PropertyDeskUser came = data.owner(site);
            as(came, post("/portal/activities/{id}/sign-up", activity));
            clock.set("2026-06-10T09:15");
            as(Users.frontDesk(site), post("/activities/{id}/attendance", activity)
                    .param("attended", String.valueOf(data.signUpId(activity, came))));
            clock.set("2026-06-10T12:00");

            as(came, post("/portal/activities/{id}/rating", activity))
                    .andExpect(status().isOk()).andExpect(errorAt("rating", "Choose 1 to 5 stars."));
            as(came, post("/portal/activities/{id}/rating", activity).param("rating", "9"))
                    .andExpect(status().isOk()).andExpect(errorAt("rating", "Choose 1 to 5 stars."));
            assertThat(data.rating(activity, came)).isNull();
        }
    }

    @Nested
    class Access {

        @Test
        void staffOfAnotherSiteGetNotFound() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "羽毛球赛", START, END, 5);
            PropertyDeskUser elsewhere = Users.manager(data.site());

            as(elsewhere, get("/activities/{id}", activity)).andExpect(status().isNotFound());
            as(elsewhere, get("/activities/{id}/edit", activity)).andExpect(status().isNotFound());
            as(elsewhere, post("/activities/{id}/attendance", activity)).andExpect(status().isNotFound());
            assertThat(page(elsewhere, "/activities")).doesNotContain("羽毛球赛");
        }

        @Test
        void anOwnerOfAnotherSiteGetsNotFoundAndDoesNotSeeIt() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "游泳课", START, END, 5);
            PropertyDeskUser elsewhere = data.owner(data.site());

            as(elsewhere, get("/portal/activities/{id}", activity)).andExpect(status().isNotFound());
            as(elsewhere, post("/portal/activities/{id}/sign-up", activity)).andExpect(status().isNotFound());
            as(elsewhere, post("/portal/activities/{id}/rating", activity).param("rating", "5"))
                    .andExpect(status().isNotFound());
            assertThat(page(elsewhere, "/portal/activities")).doesNotContain("游泳课");
            assertThat(data.queue(activity)).isEmpty();
        }

        @Test
        void techniciansDispatchersAndOwnersMayNotUseTheStaffPagesNorStaffThePortal() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "乒乓球", START, END, 5);

            for (Role role : List.of(Role.TECHNICIAN, Role.DISPATCHER)) {
                PropertyDeskUser person = Users.withRole(role, site);
                as(person, get("/activities")).andExpect(status().isForbidden());
                as(person, get("/activities/{id}", activity)).andExpect(status().isForbidden());
                as(person, activityForm("/activities", site, "不行", START, END, "5")).andExpect(status().isForbidden());
            }
            as(data.owner(site), get("/activities/{id}", activity)).andExpect(status().isForbidden());
            as(Users.manager(site), get("/portal/activities/{id}", activity)).andExpect(status().isForbidden());
            as(Users.frontDesk(site), post("/portal/activities/{id}/sign-up", activity)).andExpect(status().isForbidden());
        }
    }
}
