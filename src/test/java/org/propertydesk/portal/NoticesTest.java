package org.propertydesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtGroup;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Notices (通知/公告) as specifications: managers publish them to the sites they serve and follow up who has read an
 * urgent one; owners see the current notices of the sites they live in, newest first, and nothing of other sites.
 * The clock stands on 10 May 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class NoticesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final Cookie CHINESE = new Cookie("pd_lang", "zh-CN");

    @Autowired
    MockMvc mvc;

    @Autowired
    NoticeData data;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tenOClockOnTenthOfMay() {
        clock.set("2026-05-10T10:00");
    }

    private static MockHttpServletRequestBuilder noticeForm(String url, PropertyDeskUser by, String title,
            String validFrom, String validUntil, long... sites) {
        return noticeForm(url, by, title, "电梯年检，暂停使用。", validFrom, validUntil, sites).cookie(ENGLISH);
    }

    private static MockHttpServletRequestBuilder noticeForm(String url, PropertyDeskUser by, String title, String body,
            String validFrom, String validUntil, long... sites) {
        MockHttpServletRequestBuilder request = post(url).with(Users.as(by)).with(csrf())
                .param("title", title).param("body", body).param("validFrom", validFrom).param("validUntil", validUntil);
        for (long site : sites) {
            request.param("siteIds", String.valueOf(site));
        }
        return request;
    }

    private String page(String url, PropertyDeskUser user) throws Exception {
        return mvc.perform(get(url).with(Users.as(user)).cookie(ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Nested
    class Publishing {

        @Test
        void aManagerPublishesANoticeToTheTwoSitesTheyServe() throws Exception {
            long siteA = data.site();
            long siteB = data.site();
            PropertyDeskUser manager = data.manager(siteA, siteB);

            String location = mvc.perform(noticeForm("/notices", manager, "电梯年检", "2026-05-10T09:00", "2026-05-12T18:00",
                            siteA, siteB).param("urgent", "true"))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashSuccess"))
                    .andReturn().getResponse().getRedirectedUrl();

            long id = Long.parseLong(location.substring("/notices/".length()));
            assertThat(data.sitesOf(id)).containsExactlyInAnyOrder(siteA, siteB);
            var saved = jdbc.sql("select urgent, valid_from, valid_until, published_by_name from notice where id = ?")
                    .params(id).query((rs, n) -> List.of(rs.getBoolean(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getString(4))).single();
            assertThat(saved).containsExactly(true, Instant.parse("2026-05-10T01:00:00Z"),
                    Instant.parse("2026-05-12T10:00:00Z"), manager.displayName());
            assertThat(page("/notices/" + id, manager)).contains("电梯年检", "Urgent", "Current");
        }

        @Test
        void theListShowsEachNoticeOfTheManagersSitesWithItsState() throws Exception {
            long site = data.site();
            long otherSite = data.site();
            PropertyDeskUser manager = data.manager(site);
            long current = data.notice(manager, "本周停水", false, "2026-05-09T08:00", "2026-05-11T08:00", site);
            long upcoming = data.notice(manager, "下月消防演练", false, "2026-06-01T08:00", null, site);
            long expired = data.notice(manager, "上月电梯维保", false, "2026-04-01T08:00", "2026-04-02T08:00", site);
            long withdrawn = data.notice(manager, "取消的活动", false, "2026-05-09T08:00", null, site);
            data.withdraw(manager, withdrawn);
            long elsewhere = data.notice(data.manager(otherSite), "别处的通知", false, "2026-05-09T08:00", null, otherSite);

            String html = page("/notices", manager);

            assertThat(row(html, current)).contains("本周停水", "Current");
            assertThat(row(html, upcoming)).contains("下月消防演练", "Upcoming");
            assertThat(row(html, expired)).contains("上月电梯维保", "Expired");
            assertThat(row(html, withdrawn)).contains("取消的活动", "Withdrawn");
            assertThat(html).doesNotContain("data-notice=\"" + elsewhere + "\"");
        }

        @Test
        void missingFieldsAreShownAtTheFieldsInEnglish() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);

            mvc.perform(noticeForm("/notices", manager, " ", "", "", "").cookie(ENGLISH))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("title", "Required."))
                    .andExpect(errorAt("body", "Required."))
                    .andExpect(errorAt("validFrom", "Required."))
                    .andExpect(errorAtGroup("siteIds", "Choose at least one."));
        }

        @Test
        void anEndBeforeTheStartIsShownAtTheEndInChinese() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);

            mvc.perform(noticeForm("/notices", manager, "倒着的通知", "正文", "2026-05-12T09:00", "2026-05-11T09:00", site)
                            .cookie(CHINESE))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("validUntil", "截止时间必须晚于生效时间。"));
            assertThat(jdbc.sql("select count(*) from notice where title = '倒着的通知'").query(Long.class).single()).isZero();
        }

        @Test
        void aTitleTooLongIsShownAtTheTitleInChinese() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);

            mvc.perform(noticeForm("/notices", manager, "长".repeat(201), "正文", "2026-05-10T09:00", "", site)
                            .cookie(CHINESE))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("title", "200"));
        }

        @Test
        void aManagerCannotPublishToASiteTheyDoNotServe() throws Exception {
            long own = data.site();
            long foreign = data.site();
            PropertyDeskUser manager = data.manager(own);
            String title = "越权通知" + data.unique();

            mvc.perform(noticeForm("/notices", manager, title, "2026-05-10T09:00", "", own, foreign))
                    .andExpect(status().isOk())
                    .andExpect(errorAtGroup("siteIds", "You can publish only to sites you serve."));
            assertThat(jdbc.sql("select count(*) from notice where title = ?").params(title).query(Long.class).single())
                    .isZero();
        }

        @Test
        void aNoticeAlsoShownAtSitesTheManagerDoesNotServeIsNotTheirsToChangeOrWithdraw() throws Exception {
            long siteA = data.site();
            long siteB = data.site();
            long id = data.notice(data.manager(siteA, siteB), "两个项目的通知", false, "2026-05-10T09:00", null, siteA, siteB);
            PropertyDeskUser managerOfA = data.manager(siteA);

            var edit = mvc.perform(noticeForm("/notices/" + id + "/edit", managerOfA, "改过的通知", "2026-05-10T09:00", "", siteA))
                    .andExpect(redirectedUrl("/notices/" + id)).andReturn();
            var withdraw = mvc.perform(post("/notices/" + id + "/withdraw").with(Users.as(managerOfA)).with(csrf()))
                    .andExpect(redirectedUrl("/notices/" + id)).andReturn();

            assertThat(((Flash.FlashMessage) edit.getFlashMap().get("flashError")).key()).isEqualTo("notice.error.otherSites");
            assertThat(((Flash.FlashMessage) withdraw.getFlashMap().get("flashError")).key()).isEqualTo("notice.error.otherSites");
            assertThat(data.sitesOf(id)).containsExactlyInAnyOrder(siteA, siteB);
            assertThat(jdbc.sql("select title from notice where id = ? and withdrawn_at is null").params(id)
                    .query(String.class).single()).isEqualTo("两个项目的通知");
        }

        @Test
        void aWithdrawnNoticeCanNoLongerBeChanged() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            long id = data.notice(manager, "要撤回的通知", false, "2026-05-10T09:00", null, site);

            mvc.perform(post("/notices/" + id + "/withdraw").with(Users.as(manager)).with(csrf()))
                    .andExpect(redirectedUrl("/notices/" + id));
            var refused = mvc.perform(noticeForm("/notices/" + id + "/edit", manager, "撤回后修改", "2026-05-10T09:00", "", site))
                    .andExpect(status().is3xxRedirection()).andReturn();

            assertThat(((Flash.FlashMessage) refused.getFlashMap().get("flashError")).key()).isEqualTo("notice.error.withdrawn");

            assertThat(jdbc.sql("select title from notice where id = ?").params(id).query(String.class).single())
                    .isEqualTo("要撤回的通知");
            assertThat(page("/notices/" + id, manager)).contains("Withdrawn").doesNotContain("/notices/" + id + "/edit\"");
        }

        @Test
        void anotherSitesNoticeIsNotFound() throws Exception {
            long site = data.site();
            long otherSite = data.site();
            long id = data.notice(data.manager(otherSite), "别处的紧急通知", true, "2026-05-10T09:00", null, otherSite);
            PropertyDeskUser manager = data.manager(site);

            for (String url : List.of("/notices/" + id, "/notices/" + id + "/edit", "/notices/" + id + "/reads")) {
                mvc.perform(get(url).with(Users.as(manager))).andExpect(status().isNotFound());
            }
            mvc.perform(post("/notices/" + id + "/withdraw").with(Users.as(manager)).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(noticeForm("/notices/" + id + "/edit", manager, "抢改", "2026-05-10T09:00", "", site))
                    .andExpect(status().isNotFound());
            assertThat(jdbc.sql("select withdrawn_at is null from notice where id = ?").params(id).query(Boolean.class)
                    .single()).isTrue();
        }
    }

    @Nested
    class Owners {

        @Test
        void anOwnerSeesTheNoticeOfTheirSiteAndAnOwnerOfAnotherSiteDoesNot() throws Exception {
            long siteA = data.site();
            long siteB = data.site();
            long siteC = data.site();
            long id = data.notice(data.manager(siteA, siteB), "A 区停电通知", false, "2026-05-10T09:00", null, siteA, siteB);
            PropertyDeskUser ownerA = data.owner(data.household(siteA));
            NoticeData.Household householdC = data.household(siteC);
            PropertyDeskUser ownerC = data.owner(householdC);

            assertThat(page("/portal/notices", ownerA)).contains("A 区停电通知");
            assertThat(page("/portal/notices/" + id, ownerA)).contains("A 区停电通知", "本周二 9:00–17:00 停水检修。");

            assertThat(page("/portal/notices", ownerC)).doesNotContain("A 区停电通知");
            mvc.perform(get("/portal/notices/" + id).with(Users.as(ownerC))).andExpect(status().isNotFound());
            assertThat(jdbc.sql("select count(*) from notice_read where notice_id = ? and customer_id = ?")
                    .params(id, householdC.customerId()).query(Long.class).single()).isZero();
        }

        @Test
        void onlyCurrentNoticesAreShownNewestFirst() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            data.notice(manager, "较早的通知", false, "2026-05-01T08:00", null, site);
            data.notice(manager, "最新的通知", false, "2026-05-10T08:00", "2026-05-20T08:00", site);
            data.notice(manager, "中间的通知", true, "2026-05-05T08:00", null, site);
            long upcoming = data.notice(manager, "明天的通知", false, "2026-05-11T08:00", null, site);
            long expired = data.notice(manager, "过期的通知", false, "2026-05-01T08:00", "2026-05-10T09:59", site);
            long withdrawn = data.notice(manager, "撤回的通知", false, "2026-05-09T08:00", null, site);
            data.withdraw(manager, withdrawn);
            PropertyDeskUser owner = data.owner(data.household(site));

            String html = page("/portal/notices", owner);

            assertThat(html).doesNotContain("明天的通知", "过期的通知", "撤回的通知");
            assertThat(html.indexOf("最新的通知")).isPositive().isLessThan(html.indexOf("中间的通知"));
            assertThat(html.indexOf("中间的通知")).isLessThan(html.indexOf("较早的通知"));
            for (long notShown : List.of(upcoming, expired, withdrawn)) {
                mvc.perform(get("/portal/notices/" + notShown).with(Users.as(owner))).andExpect(status().isNotFound());
            }
        }

        @Test
        void aHouseholdThatMovedOutNoLongerSeesTheSitesNotices() throws Exception {
            long site = data.site();
            long id = data.notice(data.manager(site), "搬走后的通知", false, "2026-05-10T09:00", null, site);
            NoticeData.Household household = data.household(site);
            PropertyDeskUser owner = data.owner(household);
            data.moveOut(household);

            assertThat(page("/portal/notices", owner)).doesNotContain("搬走后的通知");
            mvc.perform(get("/portal/notices/" + id).with(Users.as(owner))).andExpect(status().isNotFound());
        }

        @Test
        void openingANoticeMarksItReadOnceForTheHousehold() throws Exception {
            long site = data.site();
            long id = data.notice(data.manager(site), "燃气检查", false, "2026-05-10T09:00", null, site);
            NoticeData.Household household = data.household(site);
            PropertyDeskUser owner = data.owner(household);

            page("/portal/notices/" + id, owner);
            clock.advanceMinutes(30);
            page("/portal/notices/" + id, owner);

            List<Instant> reads = jdbc.sql("select read_at from notice_read where notice_id = ? and customer_id = ?")
                    .params(id, household.customerId()).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
            assertThat(reads).containsExactly(Instant.parse("2026-05-10T02:00:00Z"));
        }

        @Test
        void theBannerShowsOnlyUrgentNoticesNotYetRead() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            long urgentUnread = data.notice(manager, "紧急停水", true, "2026-05-10T09:00", null, site);
            long urgentRead = data.notice(manager, "紧急停电", true, "2026-05-10T08:00", null, site);
            data.notice(manager, "普通通知", false, "2026-05-10T09:30", null, site);
            data.notice(manager, "明天的紧急通知", true, "2026-05-11T09:00", null, site);
            PropertyDeskUser owner = data.owner(data.household(site));
            page("/portal/notices/" + urgentRead, owner);

            String banner = page("/portal/notices/banner", owner);

            assertThat(banner).contains("紧急停水", "/portal/notices/" + urgentUnread)
                    .doesNotContain("紧急停电", "普通通知", "明天的紧急通知", "<html");
        }

        @Test
        void theBannerIsAnEmptyElementWhenEverythingUrgentIsRead() throws Exception {
            long site = data.site();
            long id = data.notice(data.manager(site), "已读的紧急通知", true, "2026-05-10T09:00", null, site);
            PropertyDeskUser owner = data.owner(data.household(site));
            page("/portal/notices/" + id, owner);

            assertThat(page("/portal/notices/banner", owner).strip()).isEqualTo("<div></div>");
        }
    }

    @Nested
    class ReadReceipts {

        @Test
        void theReceiptsCountPerSiteTheHouseholdsThatHaveAndHaveNotReadAnUrgentNotice() throws Exception {
            long siteA = data.site();
            long siteB = data.site();
            PropertyDeskUser manager = data.manager(siteA, siteB);
            long id = data.notice(manager, "台风预警", true, "2026-05-10T09:00", null, siteA, siteB);
            NoticeData.Household readerA = data.household(siteA);
            NoticeData.Household waitingA = data.household(siteA);
            NoticeData.Household waitingB = data.household(siteB);
            data.moveOut(data.household(siteA));
            page("/portal/notices/" + id, data.owner(readerA));

            String html = page("/notices/" + id + "/reads", manager);

            assertThat(siteCounts(html, siteA)).containsExactly("2", "1", "1");
            assertThat(siteCounts(html, siteB)).containsExactly("1", "0", "1");
            assertThat(html).contains("1 of 3 households have read it.");
            assertThat(customerRow(html, readerA.customerId())).contains(readerA.houseCode(), "2026-05-10 10:00");
            assertThat(customerRow(html, waitingA.customerId())).contains("Not yet");
            assertThat(customerRow(html, waitingB.customerId())).contains("Not yet");

            String unread = page("/notices/" + id + "/reads?show=UNREAD", manager);
            assertThat(unread).contains("data-customer=\"" + waitingA.customerId() + "\"",
                    "data-customer=\"" + waitingB.customerId() + "\"")
                    .doesNotContain("data-customer=\"" + readerA.customerId() + "\"");
        }

        @Test
        void aManagerSeesOnlyTheHouseholdsOfTheSitesTheyServe() throws Exception {
            long siteA = data.site();
            long siteB = data.site();
            long id = data.notice(data.manager(siteA, siteB), "燃气管道检修", true, "2026-05-10T09:00", null, siteA, siteB);
            NoticeData.Household inA = data.household(siteA);
            NoticeData.Household inB = data.household(siteB);

            String html = page("/notices/" + id + "/reads", data.manager(siteA));

            assertThat(html).contains("data-customer=\"" + inA.customerId() + "\"")
                    .doesNotContain("data-customer=\"" + inB.customerId() + "\"", "data-site=\"" + siteB + "\"");
        }

        @Test
        void aNoticeThatIsNotUrgentHasNoReceipts() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            long id = data.notice(manager, "普通公告", false, "2026-05-10T09:00", null, site);

            mvc.perform(get("/notices/" + id + "/reads").with(Users.as(manager))).andExpect(status().isNotFound());
        }

        private List<String> siteCounts(String html, long siteId) {
            String row = html.substring(html.indexOf("data-site=\"" + siteId + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            return java.util.regex.Pattern.compile("data-count=\"\\w+\">(\\d+)<").matcher(row).results()
                    .map(m -> m.group(1)).toList();
        }

        private String customerRow(String html, long customerId) {
            String row = html.substring(html.indexOf("data-customer=\"" + customerId + "\""));
            return row.substring(0, row.indexOf("</tr>"));
        }
    }

    @Nested
    class Access {

        @Test
        void theFrontDeskMayNotOpenTheNotices() throws Exception {
            long site = data.site();
            PropertyDeskUser frontDesk = data.frontDesk(site);

            mvc.perform(get("/notices").with(Users.as(frontDesk))).andExpect(status().isForbidden());
            mvc.perform(get("/notices/new").with(Users.as(frontDesk))).andExpect(status().isForbidden());
            mvc.perform(noticeForm("/notices", frontDesk, "前台的通知", "2026-05-10T09:00", "", site))
                    .andExpect(status().isForbidden());
        }

        @Test
        void ownersMayNotOpenTheStaffNoticesAndStaffMayNotOpenTheOwners() throws Exception {
            long site = data.site();
            PropertyDeskUser owner = data.owner(data.household(site));

            mvc.perform(get("/notices").with(Users.as(owner))).andExpect(status().isForbidden());
            mvc.perform(get("/notices/new").with(Users.as(owner))).andExpect(status().isForbidden());
            mvc.perform(get("/portal/notices").with(Users.as(data.manager(site)))).andExpect(status().isForbidden());
        }
    }

    private static String row(String html, long noticeId) {
        String row = html.substring(html.indexOf("data-notice=\"" + noticeId + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
