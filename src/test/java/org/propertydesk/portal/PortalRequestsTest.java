package org.propertydesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The owner's requests in the portal: two owners in different houses of one site. Owner A reports a repair with a
 * photo and follows it; owner B, with every id of A's request, gets "not found" and changes nothing.
 */
@WebIntegrationTest
class PortalRequestsTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private PortalRequestData data;

    private long site;
    private long houseA;
    private long houseB;
    private PropertyDeskUser ownerA;
    private PropertyDeskUser ownerB;

    @BeforeEach
    void twoHouseholds() {
        site = data.site();
        houseA = data.house(site);
        houseB = data.house(site);
        ownerA = data.owner(houseA);
        ownerB = data.owner(houseB);
    }

    @Test
    void anOwnerReportsARepairWithAPhotoAndFollowsIt() throws Exception {
        long id = submitRepair(ownerA, houseA);

        String page = html(get("/portal/requests/" + id), ownerA);
        assertThat(page).contains("厨房水管漏水", data.houseCode(houseA), "hx-trigger=\"every 30s\"");
        assertThat(html(get("/portal/requests"), ownerA)).contains("/portal/requests/" + id);
        assertThat(html(get("/portal"), ownerA)).contains("/portal/requests/" + id, data.houseCode(houseA),
                "hx-get=\"/portal/notices/banner\"");

        MvcResult photo = perform(get("/portal/requests/" + id + "/photos/" + data.attachmentId(id)), ownerA);
        assertThat(photo.getResponse().getStatus()).isEqualTo(200);
        assertThat(photo.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(photo.getResponse().getHeader("Content-Disposition")).startsWith("inline");
        assertThat(photo.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(photo.getResponse().getContentAsByteArray()).isEqualTo(png());
    }

    @Test
    void anotherOwnerFindsNothingOfTheRequestAndChangesNothing() throws Exception {
        long id = submitRepair(ownerA, houseA);
        long photo = data.attachmentId(id);
        String base = "/portal/requests/" + id;

        assertThat(status(get(base), ownerB)).isEqualTo(404);
        assertThat(status(get(base + "/photos/" + photo), ownerB)).isEqualTo(404);
        assertThat(status(get(base + "/timeline"), ownerB)).isEqualTo(404);
        assertThat(status(post(base + "/cancel").param("reason", "不要了"), ownerB)).isEqualTo(404);
        assertThat(status(post(base + "/fixed"), ownerB)).isEqualTo(404);
        assertThat(status(post(base + "/not-fixed").param("reason", "还在漏"), ownerB)).isEqualTo(404);
        assertThat(status(post(base + "/rating").param("overall", "1"), ownerB)).isEqualTo(404);
        assertThat(status(multipart(base + "/photos").file(photo("别人的.png")), ownerB)).isEqualTo(404);
        assertThat(data.requestStatus(id)).isEqualTo("NEW");
        assertThat(html(get("/portal/requests"), ownerB)).doesNotContain(base);

        assertThat(status(get("/portal/requests/new").param("houseId", String.valueOf(houseA)), ownerB)).isEqualTo(404);
        assertThat(status(get("/portal/requests/promise").param("kind", "REPAIR").param("categoryCode", "PLUMBING")
                .param("houseId", String.valueOf(houseA)), ownerB)).isEqualTo(404);
        assertThat(status(newRepair(houseA), ownerB)).isEqualTo(404);
        assertThat(data.requestCount(houseA)).isEqualTo(1);
    }

    @Test
    void someoneWhoMovesInLaterDoesNotSeeTheRequestsOfThoseWhoLivedThereBefore() throws Exception {
        long before = submitRepair(ownerA, houseA);
        data.receivedOn(before, LocalDate.of(2023, 5, 1));
        PropertyDeskUser newcomer = data.occupant(houseA, LocalDate.of(2024, 1, 1));

        assertThat(status(get("/portal/requests/" + before), newcomer)).isEqualTo(404);
        assertThat(html(get("/portal/requests"), newcomer)).doesNotContain("/portal/requests/" + before);
        long theirs = submitRepair(newcomer, houseA);
        assertThat(html(get("/portal/requests"), newcomer)).contains("/portal/requests/" + theirs);
        assertThat(html(get("/portal/requests"), ownerA)).contains("/portal/requests/" + before, "/portal/requests/" + theirs);
    }

    @Test
    void theFormRefusesAtEachFieldAndSavesNothing() throws Exception {
        MockMultipartHttpServletRequestBuilder six = multipart("/portal/requests");
        for (int i = 1; i <= 6; i++) {
            six.file(photo("照片" + i + ".png"));
        }
        six.param("kind", "REPAIR").param("categoryCode", "PLUMBING").param("houseId", String.valueOf(houseA))
                .param("description", " ")
                .param("preferredFrom", LocalDateTime.now().minusDays(1).withNano(0).toString());

        MvcResult refused = perform(six.cookie(ENGLISH), ownerA);

        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("At most 5 photos or files per request.",
                "Tell us what is wrong.", "Choose a time that has not passed.");
        assertThat(data.requestCount(houseA)).isZero();
    }

    @Test
    void thePromiseIsTheFrontDesksForTheChosenKindCategoryAndHouse() throws Exception {
        String promise = html(get("/portal/requests/promise").param("kind", "REPAIR").param("categoryCode", "PLUMBING")
                .param("houseId", String.valueOf(houseA)).cookie(ENGLISH), ownerA);

        assertThat(promise).contains("We reply by", "A technician is with you by", "Resolved by");
        assertThat(html(get("/portal/requests/promise").param("kind", "INQUIRY").param("categoryCode", "FEES")
                .param("houseId", String.valueOf(houseA)).cookie(ENGLISH), ownerA)).doesNotContain("A technician is with you by");
    }

    @Nested
    class Moves {

        private long id;

        @BeforeEach
        void aRepairOfOwnerA() throws Exception {
            id = submitRepair(ownerA, houseA);
        }

        @Test
        void theOwnerCancelsWithAReasonBeforeAnyoneIsSent() throws Exception {
            MvcResult noReason = perform(post("/portal/requests/" + id + "/cancel").cookie(ENGLISH), ownerA);
            assertThat(noReason.getResponse().getContentAsString()).contains("Give a reason.");
            assertThat(data.requestStatus(id)).isEqualTo("NEW");

            MvcResult cancelled = perform(post("/portal/requests/" + id + "/cancel").param("reason", "已自行修好"), ownerA);

            assertThat(cancelled.getResponse().getRedirectedUrl()).isEqualTo("/portal/requests/" + id);
            assertThat(data.requestStatus(id)).isEqualTo("CANCELLED");
        }

        @Test
        void onceATechnicianIsAssignedTheOwnerSeesTheirNameAndCannotCancel() throws Exception {
            PropertyDeskUser plumber = data.plumber(site);
            data.act(site, id, "acknowledge");
            perform(post("/dispatch/requests/" + id + "/work-orders").param("technicianId", String.valueOf(plumber.id()))
                    .param("expectedActive", "0"), data.dispatcher(site));
            assertThat(data.requestStatus(id)).isEqualTo("DISPATCHED");

            assertThat(html(get("/portal/requests/" + id), ownerA)).contains(plumber.displayName());
            MvcResult refused = perform(post("/portal/requests/" + id + "/cancel").param("reason", "不要了"), ownerA);

            assertThat(flashError(refused)).isEqualTo("request.error.ownerCancelTooLate");
            assertThat(data.requestStatus(id)).isEqualTo("DISPATCHED");
        }

        @Test
        void fixedClosesTheResolvedRepair() throws Exception {
            data.act(site, id, "acknowledge", "dispatch", "arrive", "resolve");

            perform(post("/portal/requests/" + id + "/fixed"), ownerA);

            assertThat(data.requestStatus(id)).isEqualTo("CLOSED");
        }

        @Test
        void notFixedReopensTheRequestWithTheOwnersReason() throws Exception {
            data.act(site, id, "acknowledge", "dispatch", "arrive", "resolve");
            MvcResult noReason = perform(post("/portal/requests/" + id + "/not-fixed").cookie(ENGLISH), ownerA);
            assertThat(noReason.getResponse().getContentAsString()).contains("Give a reason.");
            assertThat(data.requestStatus(id)).isEqualTo("RESOLVED");

            perform(post("/portal/requests/" + id + "/not-fixed").param("reason", "水管还在滴水"), ownerA);

            assertThat(data.requestStatus(id)).isEqualTo("REOPENED");
            assertThat(html(get("/portal/requests/" + id + "/timeline"), ownerA)).contains("水管还在滴水");
        }

        @Test
        void theOwnerRatesOnceAfterResolution() throws Exception {
            MvcResult early = perform(post("/portal/requests/" + id + "/rating").param("overall", "5"), ownerA);
            assertThat(flashError(early)).isEqualTo("rating.error.notResolved");
            data.act(site, id, "acknowledge", "dispatch", "arrive", "resolve");
            MvcResult noStars = perform(post("/portal/requests/" + id + "/rating").param("comment", "好").cookie(ENGLISH), ownerA);
            assertThat(noStars.getResponse().getContentAsString()).contains("Give an overall rating.");

            perform(post("/portal/requests/" + id + "/rating").param("overall", "5").param("speed", "4")
                    .param("comment", "师傅很专业"), ownerA);
            MvcResult again = perform(post("/portal/requests/" + id + "/rating").param("overall", "1"), ownerA);

            assertThat(data.ratings(id)).isEqualTo(1);
            assertThat(data.ratingChannel(id)).isEqualTo("PORTAL");
            assertThat(flashError(again)).isEqualTo("rating.error.alreadyRated");
            assertThat(html(get("/portal/requests/" + id).cookie(ENGLISH), ownerA)).contains("You rated this request 5 ★");
        }
    }

    @Test
    void openSurveysOfTheOwnersSiteLinkToTheirHouseAndShowWhatIsAnswered() throws Exception {
        long open = data.openSurvey(site, "满意度调查" + PortalRequestData.unique());
        long done = data.openSurvey(site, "保洁问卷" + PortalRequestData.unique());
        data.answered(done, site, houseA);

        String page = html(get("/portal/surveys").cookie(ENGLISH), ownerA);

        assertThat(page).contains("/s/survey/" + open + "/" + houseA + "?expires=", "Answered")
                .doesNotContain("/s/survey/" + done + "/" + houseA + "?expires=")
                .doesNotContain("/s/survey/" + open + "/" + houseB);
    }

    @Test
    void ownersMayNotOpenStaffPages() throws Exception {
        assertThat(status(get("/requests"), ownerA)).isEqualTo(403);
        assertThat(status(get("/dispatch"), ownerA)).isEqualTo(403);
        assertThat(status(get("/requests/new"), ownerA)).isEqualTo(403);
    }

    @Test
    void staffMayNotOpenThePortal() throws Exception {
        assertThat(status(get("/portal/requests"), data.frontDesk(site))).isEqualTo(403);
    }

    @Test
    void thePagesReadInEnglish() throws Exception {
        long id = submitRepair(ownerA, houseA);

        assertThat(html(get("/portal").cookie(ENGLISH), ownerA)).contains("My houses", "Report a problem");
        assertThat(html(get("/portal/requests/new").cookie(ENGLISH), ownerA)).contains("What is wrong?", "Our promise",
                "accept=\"image/*\"");
        assertThat(html(get("/portal/requests/" + id).cookie(ENGLISH), ownerA)).contains("What happened", "Received",
                "Cancel the request");
    }

    // Helpers

    private long submitRepair(PropertyDeskUser owner, long house) throws Exception {
        MvcResult result = perform(newRepair(house).file(photo("漏水.png")), owner);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        long id = data.latestRequestAt(house);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/portal/requests/" + id);
        return id;
    }

    private static MockMultipartHttpServletRequestBuilder newRepair(long house) {
        return multipart("/portal/requests").param("kind", "REPAIR")
                .param("categoryCode", "PLUMBING").param("houseId", String.valueOf(house))
                .param("description", "厨房水管漏水，请尽快上门");
    }

    private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(Users.as(who)).with(csrf())).andReturn();
    }

    private int status(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        return perform(request, who).getResponse().getStatus();
    }

    private String html(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        MvcResult result = perform(request, who);
        assertThat(result.getResponse().getStatus()).as(request.toString()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static String flashError(MvcResult result) {
        Object message = result.getFlashMap().get("flashError");
        return message == null ? null : ((Flash.FlashMessage) message).key();
    }

    private static MockMultipartFile photo(String name) throws IOException {
        return new MockMultipartFile("photos", name, "image/png", png());
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x3366CC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
