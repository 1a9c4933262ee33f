package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.requests.RequestExamples.timeline;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestsTestData.House;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An inquiry answered while the caller is on the line: the intake preview offers the reply templates of the category
 * with the caller's name and site filled in, and "resolve at intake" saves the request already resolved, with the
 * answer on its timeline (first-contact resolution). Only inquiries can be resolved that way.
 */
@RequestsIntegrationTest
class ReplyTemplateIntakeTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Site site;
    String siteName;
    House house;
    long owner;
    String ownerName;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void anOwnerCallsTheFrontDeskAboutTheServiceFee() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        siteName = jdbc.sql("select name from site where id = ?").params(site.id()).query(String.class).single();
        house = data.house(site);
        owner = data.ownerOf(house);
        ownerName = jdbc.sql("select name from customer where id = ?").params(owner).query(String.class).single();
        frontDesk = data.frontDesk(site);
    }

    private MockHttpServletRequestBuilder inquiry(String path) {
        return call(path, "INQUIRY", "FEES");
    }

    private MockHttpServletRequestBuilder call(String path, String kind, String categoryCode) {
        return post(path).param("kind", kind).param("categoryCode", categoryCode).param("channel", "PHONE")
                .param("siteId", String.valueOf(site.id())).param("houseId", String.valueOf(house.id()))
                .param("customerId", String.valueOf(owner)).param("contactPhone", data.phoneOf(owner))
                .param("description", "咨询物业费怎么交");
    }

    @Test
    void thePreviewOfAFeesInquiryOffersTheFeeTemplatesFilledInForTheCaller() throws Exception {
        String chinese = html(inquiry("/requests/preview"), null);
        String english = html(inquiry("/requests/preview"), ENGLISH);

        assertThat(chinese).contains("物业费缴纳方式")
                .contains(ownerName + "您好，" + siteName + "的物业费可在物业服务中心前台、业主端或银行代扣缴纳")
                .contains("data-fill-target=\"#answer\"")
                .doesNotContain("{customerName}", "{site}")
                .doesNotContain("临时停车收费标准", "装修申请所需材料");
        assertThat(chinese.indexOf("物业费缴纳方式")).as("the reader's language first")
                .isLessThan(chinese.indexOf("How to pay the service fee"));
        assertThat(english).contains("How to pay the service fee")
                .contains("Hello " + ownerName + ", the service fee for " + siteName + " can be paid at the front desk")
                .doesNotContain("{customerName}", "{site}", "Visitor parking charges");
        assertThat(english.indexOf("How to pay the service fee")).isLessThan(english.indexOf("物业费缴纳方式"));
    }

    @Test
    void aRepairIsOfferedNoTemplatesAndNoAnswer() throws Exception {
        String preview = html(call("/requests/preview", "REPAIR", "FEES"), ENGLISH);

        assertThat(preview).contains("Acknowledge by").doesNotContain("How to pay the service fee", "name=\"answer\"");
    }

    @Test
    void anInquiryResolvedAtIntakeIsSavedResolvedWithTheAnswerOnItsTimeline() throws Exception {
        String answer = ownerName + "您好，物业费可在业主端缴纳，按季度收取。";

        MvcResult saved = perform(inquiry("/requests").param("resolveAtIntake", "true").param("answer", "  " + answer + "\n"),
                ENGLISH);

        ServiceRequest request = data.reload(idFrom(saved));
        Instant now = RequestsTestData.shanghai("2026-03-25T10:00");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(request.isFirstContactResolution()).isTrue();
        assertThat(request.getAcknowledgedAt()).isEqualTo(now);
        assertThat(request.getResolvedAt()).isEqualTo(now);
        assertThat(request.getOwnerUsername()).isEqualTo(frontDesk.getUsername());
        assertThat(request.isBreached(now.plusSeconds(30 * 24 * 3600))).as("met every target at once").isFalse();
        assertThat(timeline(request)).containsExactly("received", "resolvedAtIntake");
        RequestEvent resolved = request.getEvents().get(1);
        assertThat(resolved.getNote()).isEqualTo(answer);
        assertThat(resolved.isInternal()).as("the answer is what the owner was told").isFalse();
        assertThat(resolved.getActor()).isEqualTo(frontDesk.displayName());
    }

    @Test
    void withoutAnAnswerTheTimelineSaysItWasAnsweredOnTheCall() throws Exception {
        ServiceRequest english = data.reload(idFrom(perform(inquiry("/requests").param("resolveAtIntake", "true"), ENGLISH)));
        ServiceRequest chinese = data.reload(idFrom(perform(inquiry("/requests").param("resolveAtIntake", "true")
                .param("answer", " "), null)));

        assertThat(english.getStatus()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(english.getEvents().get(1).getNote()).isEqualTo("Answered on the call.");
        assertThat(chinese.getEvents().get(1).getNote()).isEqualTo("来电时已当场答复。");
    }

    @Test
    void anInquiryNotResolvedAtIntakeStaysNewEvenWithAnAnswerTyped() throws Exception {
        ServiceRequest request = data.reload(idFrom(perform(inquiry("/requests").param("answer", "还没答复完"), ENGLISH)));

        assertThat(request.getStatus()).isEqualTo(RequestStatus.NEW);
        assertThat(request.isFirstContactResolution()).isFalse();
        assertThat(timeline(request)).containsExactly("received");
    }

    @Test
    void aRepairCannotBeResolvedAtIntakeAndNothingIsSaved() throws Exception {
        MvcResult refused = perform(call("/requests", "REPAIR", "PLUMBING").param("resolveAtIntake", "true")
                .param("answer", "已答复"), ENGLISH);

        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(RequestPagesTest.unescape(refused.getResponse().getContentAsString()))
                .contains("Only a new inquiry can be resolved at intake.")
                .contains("action=\"/requests\"");
        assertThat(data.requestsAt(site)).isZero();
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, Cookie language) throws Exception {
        request.with(user(frontDesk)).with(csrf());
        if (language != null) {
            request.cookie(language);
        }
        return mvc.perform(request).andReturn();
    }

    private String html(MockHttpServletRequestBuilder request, Cookie language) throws Exception {
        MvcResult result = perform(request, language);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return RequestPagesTest.unescape(result.getResponse().getContentAsString());
    }

    private static long idFrom(MvcResult redirect) {
        String url = redirect.getResponse().getRedirectedUrl();
        assertThat(url).as("redirected to the new request").matches("/requests/\\d+");
        return Long.parseLong(url.substring("/requests/".length()));
    }
}
