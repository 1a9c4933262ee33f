package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.requests.RequestExamples.timeline;
import static org.propertydesk.requests.RequestsTestData.shanghai;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.propertydesk.records.CareFlag;
import org.propertydesk.requests.RequestsTestData.House;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The front desk's request pages, in English, as a browser uses them: the queues, one-screen intake with its field
 * messages and live preview, the request with its buttons, and who may open what. The clock stands on Wednesday
 * 25 March 2026, 10:00 in Shanghai.
 */
@RequestsIntegrationTest
class RequestPagesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    Site site;
    House house;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void aSiteWithAHouseAndItsFrontDesk() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        frontDesk = data.frontDesk(site);
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).cookie(ENGLISH)).andReturn();
    }

    private String html(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        MvcResult result = perform(request, who);
        assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI()).isEqualTo(200);
        return unescape(result.getResponse().getContentAsString());
    }

    /** The page the browser lands on after a redirect, with the flash message carried over. */
    private String followed(MvcResult redirect, PropertyDeskUser who) throws Exception {
        assertThat(redirect.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        return html(get(redirect.getResponse().getRedirectedUrl()).with(BrowserSession.following(redirect)), who);
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The message shown under the form control named {@code field}, which must be marked invalid. */
    static String messageAt(String html, String field) {
        String marker = " name=\"" + field + "\"";
        int at = html.indexOf(marker);
        assertThat(at).as("a control named %s on the page", field).isPositive();
        String tag = html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
        assertThat(tag).as("control %s is marked invalid", field).contains("is-invalid");
        int feedback = html.indexOf("class=\"invalid-feedback\"", at);
        int nextControl = html.indexOf(" name=\"", at + marker.length());
        assertThat(feedback).as("a message right after %s", field).isPositive();
        if (nextControl > 0) {
            assertThat(feedback).as("the message after %s belongs to it", field).isLessThan(nextControl);
        }
        int text = html.indexOf('>', feedback) + 1;
        return html.substring(text, html.indexOf("</div>", text)).trim();
    }

    private static long idFrom(MvcResult redirect) {
        String url = redirect.getResponse().getRedirectedUrl();
        assertThat(url).matches("/requests/\\d+");
        return Long.parseLong(url.substring("/requests/".length()));
    }

    @Nested
    class Queues {

        @Test
        void listTheOpenRequestsOfASiteWithTheirNextDueTime() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).priority(Priority.URGENT));

            String page = html(get("/requests").param("siteId", String.valueOf(site.id())), frontDesk);

            assertThat(page).contains(request.getNumber()).contains(house.code()).contains("2026-03-25 10:15")
                    .contains("Urgent").contains("New");
        }

        @Test
        void showOnlyTheSitesTheViewerServes() throws Exception {
            Site other = data.site();
            ServiceRequest elsewhere = data.receive(data.frontDesk(other), data.repair(other));
            ServiceRequest here = data.receive(frontDesk, data.repair(site));

            String page = html(get("/requests"), frontDesk);

            assertThat(page).contains(here.getNumber()).doesNotContain(elsewhere.getNumber());
        }
    }

    @Nested
    class Intake {

        private Map<String, String> valid() {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("kind", "REPAIR");
            form.put("categoryCode", "PLUMBING");
            form.put("channel", "PHONE");
            form.put("siteId", String.valueOf(site.id()));
            form.put("houseId", String.valueOf(house.id()));
            form.put("contactPhone", "139 1234 5678");
            form.put("description", "厨房下水道堵了");
            return form;
        }

        private MockHttpServletRequestBuilder preview(Map<String, String> form) {
            MockHttpServletRequestBuilder request = post("/requests/preview");
            form.forEach(request::param);
            return request;
        }

        private MockHttpServletRequestBuilder submit(Map<String, String> form) {
            MockHttpServletRequestBuilder request = post("/requests");
            form.forEach(request::param);
            return request;
        }

        @Test
        void theFormOpensWithTheOnlySiteChosen() throws Exception {
            String page = html(get("/requests/new"), frontDesk);

            assertThat(page).contains("action=\"/requests\"").contains("Plumbing").contains("Person trapped")
                    .containsPattern("<option value=\"" + site.id() + "\" selected=\"selected\"");
        }

        @Test
        void fromTheCustomerPageTheFormIsPrefilledWithHouseAndPhoneAndShowsTheCareFlag() throws Exception {
            long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);

            String page = html(get("/requests/new").param("customerId", String.valueOf(elderly)), frontDesk);

            assertThat(page).contains("value=\"" + data.phoneOf(elderly) + "\"")
                    .containsPattern("name=\"houseId\" value=\"" + house.id() + "\"")
                    .contains("Elderly living alone")
                    .contains(house.code());
        }

        @Test
        void thePreviewShowsTheRaisedPriorityTheDueTimesAndTheOpenRequestsOfTheHouse() throws Exception {
            long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);
            ServiceRequest open = data.receive(frontDesk, data.repair(site).in(house));
            Map<String, String> form = valid();
            form.put("customerId", String.valueOf(elderly));

            String preview = html(preview(form),
                    frontDesk);

            assertThat(preview).doesNotContain("<html")
                    .contains("Priority raised one level: Elderly living alone.")
                    .contains("Acknowledge by 2026-03-25 10:15")
                    .contains("On site by 2026-03-25 10:30")
                    .contains("Open requests for this house")
                    .contains(open.getNumber())
                    .contains("action=\"/requests/" + open.getId() + "/follow-up\"")
                    .contains("Add this call to it");
        }

        @Test
        void thePreviewWaitsForKindCategoryAndSite() throws Exception {
            String preview = html(post("/requests/preview").param("kind", "REPAIR"), frontDesk);

            assertThat(preview).contains("Choose the kind, category and site to see the due times.");
        }

        @Test
        void thePreviewFlagsARepeatProblem() throws Exception {
            ServiceRequest earlier = data.receive(frontDesk, data.repair(site).in(house));
            data.act(frontDesk, earlier.getId(), RequestAction.DISPATCH, null);
            data.act(frontDesk, earlier.getId(), RequestAction.ARRIVE, null);
            data.act(frontDesk, earlier.getId(), RequestAction.RESOLVE, null);

            String preview = html(preview(valid()),
                    frontDesk);

            assertThat(preview).contains("The same problem was resolved in this house within the last 30 days.")
                    .contains("href=\"/requests/" + earlier.getId() + "\"");
        }

        @Test
        void aValidRequestIsSavedAndOpened() throws Exception {
            long owner = data.ownerOf(house);
            Map<String, String> form = valid();
            form.put("customerId", String.valueOf(owner));
            form.put("preferredFrom", "2026-03-25T14:00");
            form.put("preferredTo", "2026-03-25T16:00");
            form.put("promisedAt", "2026-03-25T15:00");

            MvcResult saved = perform(submit(form), frontDesk);

            long id = idFrom(saved);
            assertThat(saved.getFlashMap().get("flashSuccess")).isInstanceOf(Flash.FlashMessage.class);
            ServiceRequest request = data.reload(id);
            assertThat(request.getNumber()).matches("R-260325-\\d{4}");
            assertThat(followed(saved, frontDesk)).contains("Request " + request.getNumber() + " saved.");
            assertThat(request.getSiteId()).isEqualTo(site.id());
            assertThat(request.getHouseId()).isEqualTo(house.id());
            assertThat(request.getCustomerId()).isEqualTo(owner);
            assertThat(request.getContactPhone()).isEqualTo("139 1234 5678");
            assertThat(request.getCategory().getCode()).isEqualTo("PLUMBING");
            assertThat(request.getPriority()).isEqualTo(Priority.NORMAL);
            assertThat(request.getScope()).as("plumbing in a house is a special service").isEqualTo(Scope.PREMISES);
            assertThat(request.getPreferredTo()).isEqualTo(shanghai("2026-03-25T16:00"));
            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T16:00"));
            assertThat(request.getPromisedAt()).isEqualTo(shanghai("2026-03-25T15:00"));
            assertThat(timeline(request)).containsExactly("received", "promised");
        }

        @Test
        void aPatrolFindingInACommonAreaNeedsNoPhone() throws Exception {
            Map<String, String> form = valid();
            form.remove("houseId");
            form.put("channel", "PATROL");
            form.put("contactPhone", "");
            form.put("categoryCode", "CLEANING");
            form.put("locationText", "5 号楼电梯厅");

            long id = idFrom(perform(submit(form), frontDesk));

            ServiceRequest request = data.reload(id);
            assertThat(request.getLocationText()).isEqualTo("5 号楼电梯厅");
            assertThat(request.getContactPhone()).isNull();
            assertThat(request.getScope()).isEqualTo(Scope.COMMON_AREA);
        }

        record Invalid(String name, Consumer<Map<String, String>> change, String field, String message) {

            @Override
            public String toString() {
                return name;
            }
        }

        static Stream<Invalid> invalidForms() {
            return Stream.of(
                    new Invalid("missing description", f -> f.put("description", " "), "description", "Required."),
                    new Invalid("description too long", f -> f.put("description", "漏".repeat(4001)), "description",
                            "Must be between 0 and 4,000 characters."),
                    new Invalid("missing category", f -> f.remove("categoryCode"), "categoryCode", "Required."),
                    new Invalid("missing site", f -> f.put("siteId", ""), "siteId", "Required."),
                    new Invalid("no house and no location", f -> f.remove("houseId"), "locationText",
                            "Choose a house or describe the common-area location."),
                    new Invalid("bad phone", f -> f.put("contactPhone", "138-abc-0000"), "contactPhone",
                            "Enter a phone number: digits, spaces, + and - only."),
                    new Invalid("no phone to call back", f -> f.put("contactPhone", ""), "contactPhone",
                            "Enter the phone number to call back (optional only for patrol findings)."),
                    new Invalid("window ends before it starts", f -> {
                        f.put("preferredFrom", "2026-03-25T16:00");
                        f.put("preferredTo", "2026-03-25T14:00");
                    }, "preferredTo", "The window must end after it starts."),
                    new Invalid("window start is not a time", f -> f.put("preferredFrom", "明天下午"), "preferredFrom",
                            "Not a valid value."));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidForms")
        void anInvalidFormComesBackWithTheMessageAtTheFieldAndSavesNothing(Invalid invalid) throws Exception {
            Map<String, String> form = valid();
            invalid.change().accept(form);

            String page = html(submit(form), frontDesk);

            assertThat(messageAt(page, invalid.field())).isEqualTo(invalid.message());
            assertThat(data.requestsAt(site)).isZero();
        }

        @Test
        void aFrontDeskCannotLogARequestOnAnotherSite() throws Exception {
            Site other = data.site();
            Map<String, String> form = valid();
            form.put("siteId", String.valueOf(other.id()));
            form.remove("houseId");
            form.put("locationText", "大门口");

            String page = html(submit(form), frontDesk);

            assertThat(messageAt(page, "siteId")).isEqualTo("You do not serve this site.");
            assertThat(data.requestsAt(other)).isZero();
        }

        @Test
        void aHouseOfAnotherSiteIsRefusedAboveTheForm() throws Exception {
            Site other = data.site();
            House elsewhere = data.house(other);
            PropertyDeskUser both = data.frontDesk(site, other);
            Map<String, String> form = valid();
            form.put("houseId", String.valueOf(elsewhere.id()));

            String page = html(submit(form), both);

            assertThat(page).contains("class=\"alert alert-danger\"").contains("The house belongs to another site.");
            assertThat(data.requestsAt(site)).isZero();
            assertThat(data.requestsAt(other)).isZero();
        }
    }

    @Nested
    class TheRequest {

        @Test
        void showsTargetsTimelineAndTheButtonsThatApply() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).priority(Priority.URGENT));

            String page = html(get("/requests/{id}", request.getId()), frontDesk);

            assertThat(page).contains(request.getNumber())
                    .contains("due 2026-03-25 10:15").contains("due 2026-03-25 10:30")
                    .contains("Received")
                    .contains("action=\"/requests/" + request.getId() + "/actions/ACKNOWLEDGE\"")
                    .doesNotContain("/actions/DISPATCH\"").doesNotContain("/actions/ARRIVE\"")
                    .doesNotContain("/actions/CLOSE\"");
        }

        @Test
        void showsAtRiskAndBreachedAsTheClockMoves() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));

            clock.set("2026-03-25T10:13");
            assertThat(html(get("/requests/{id}", request.getId()), frontDesk)).contains("At risk").doesNotContain("Breached");
            clock.set("2026-03-25T10:16");
            assertThat(html(get("/requests/{id}", request.getId()), frontDesk)).contains("Breached");
        }

        @Test
        void aLegalMoveRedirectsBackWithAConfirmation() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site));

            MvcResult done = perform(post("/requests/{id}/actions/acknowledge", request.getId())
                    .param("version", String.valueOf(request.getVersion())), frontDesk);

            assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + request.getId());
            assertThat(followed(done, frontDesk)).contains("Acknowledge: done for " + request.getNumber() + ".");
            ServiceRequest acknowledged = data.reload(request.getId());
            assertThat(acknowledged.getStatus()).isEqualTo(RequestStatus.ACKNOWLEDGED);
            assertThat(acknowledged.getOwnerUsername()).isEqualTo(frontDesk.getUsername());
        }

        @Test
        void anIllegalMoveRedirectsBackWithTheTranslatedRefusal() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site));

            MvcResult refused = perform(post("/requests/{id}/actions/arrive", request.getId())
                    .header("Referer", "http://localhost/requests/" + request.getId()), frontDesk);

            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + request.getId());
            assertThat(followed(refused, frontDesk)).contains("Cannot \"On site\" while the request is New.");
            assertThat(data.reload(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
        }

        @Test
        void aComplaintCannotBeClosedBeforeItsCallback() throws Exception {
            ServiceRequest complaint = data.receive(frontDesk, data.complaint(site));
            data.act(frontDesk, complaint.getId(), RequestAction.ACKNOWLEDGE, null);
            data.act(frontDesk, complaint.getId(), RequestAction.RESOLVE, "已协调");

            MvcResult refused = perform(post("/requests/{id}/actions/close", complaint.getId())
                    .header("Referer", "http://localhost/requests/" + complaint.getId()), frontDesk);

            assertThat(followed(refused, frontDesk)).contains("A complaint can only be closed after its callback.");
            assertThat(data.reload(complaint.getId()).getStatus()).isEqualTo(RequestStatus.RESOLVED);

            perform(post("/requests/{id}/actions/callback", complaint.getId()).param("note", "业主满意"), frontDesk);
            perform(post("/requests/{id}/actions/close", complaint.getId()), frontDesk);
            assertThat(data.reload(complaint.getId()).getStatus()).isEqualTo(RequestStatus.CLOSED);
        }

        @Test
        void holdNeedsAReason() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site));
            data.act(frontDesk, request.getId(), RequestAction.DISPATCH, null);

            MvcResult refused = perform(post("/requests/{id}/actions/hold", request.getId()).param("note", " "), frontDesk);

            assertThat(followed(refused, frontDesk)).contains("Give a reason.");
            assertThat(data.reload(request.getId()).getStatus()).isEqualTo(RequestStatus.DISPATCHED);

            perform(post("/requests/{id}/actions/hold", request.getId()).param("note", "等配件"), frontDesk);
            assertThat(data.reload(request.getId()).getStatus()).isEqualTo(RequestStatus.ON_HOLD);
        }

        @Test
        void anUnknownActionIsRefused() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site));

            MvcResult refused = perform(post("/requests/{id}/actions/teleport", request.getId())
                    .header("Referer", "http://localhost/requests/" + request.getId()), frontDesk);

            assertThat(followed(refused, frontDesk)).contains("Unknown action.");
        }

        @Test
        void anotherCallIsAddedAsAFollowUp() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house));

            MvcResult added = perform(post("/requests/{id}/follow-up", request.getId())
                    .param("note", "The customer called again about this request."), frontDesk);

            assertThat(followed(added, frontDesk)).contains("Follow-up added to " + request.getNumber() + ".");
            ServiceRequest followed = data.reload(request.getId());
            assertThat(followed.getFollowUps()).isEqualTo(1);
            assertThat(timeline(followed)).containsExactly("received", "followUp");
        }

        @Test
        void priorityKindAndNotesChangeFromThePage() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.inquiry(site).category("PLUMBING"));

            perform(post("/requests/{id}/priority", request.getId()).param("priority", "URGENT"), frontDesk);
            perform(post("/requests/{id}/kind", request.getId()).param("kind", "REPAIR").param("note", "需要上门"), frontDesk);
            perform(post("/requests/{id}/notes", request.getId()).param("note", "业主下午在家").param("internal", "false"),
                    frontDesk);

            ServiceRequest changed = data.reload(request.getId());
            assertThat(changed.getPriority()).isEqualTo(Priority.URGENT);
            assertThat(changed.getKind()).isEqualTo(RequestKind.REPAIR);
            assertThat(changed.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T10:30"));
            assertThat(timeline(changed)).containsExactly("received", "priorityChanged", "kindChanged", "note");
            assertThat(html(get("/requests/{id}", request.getId()), frontDesk)).contains("业主下午在家");
        }
    }

    @Nested
    class CustomerPage {

        @Test
        void listsTheCustomersRequests() throws Exception {
            long owner = data.ownerOf(house);
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(owner));

            String fragment = html(get("/requests/customer/{id}", owner), frontDesk);

            assertThat(fragment).as("a fragment, without the page layout").doesNotContain("navbar").contains(request.getNumber()).contains("Repair · Plumbing")
                    .contains("href=\"/requests/new?customerId=" + owner + "\"");
        }

        @Test
        void saysSoWhenThereAreNone() throws Exception {
            long owner = data.ownerOf(house);

            assertThat(html(get("/requests/customer/{id}", owner), frontDesk)).contains("No requests yet.");
        }
    }

    @Nested
    class WhoMayOpenWhat {

        @Test
        void aTechnicianIsNotAllowedOnTheFrontDeskPages() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house));
            long owner = data.ownerOf(house);
            PropertyDeskUser technician = data.technician(site);

            for (MockHttpServletRequestBuilder page : new MockHttpServletRequestBuilder[] {
                    get("/requests"), get("/requests/new"), get("/requests/{id}", request.getId()),
                    get("/requests/customer/{id}", owner),
                    post("/requests").param("kind", "REPAIR").param("categoryCode", "PLUMBING")
                            .param("siteId", String.valueOf(site.id())).param("locationText", "大堂")
                            .param("contactPhone", "13912345678").param("description", "灯坏了"),
                    post("/requests/{id}/actions/acknowledge", request.getId())}) {
                MvcResult result = perform(page, technician);
                assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(403);
            }
            assertThat(data.requestsAt(site)).isEqualTo(1);
            assertThat(data.reload(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
        }

        @Test
        void someoneNotLoggedInIsSentToTheLoginPage() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site));

            for (String page : new String[] {"/requests", "/requests/new", "/requests/" + request.getId()}) {
                mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
            }
        }

        @Test
        void anotherSitesRequestIsNotFoundAndCannotBeChanged() throws Exception {
            Site other = data.site();
            House elsewhere = data.house(other);
            long stranger = data.ownerOf(elsewhere);
            ServiceRequest theirs = data.receive(data.frontDesk(other), data.repair(other).in(elsewhere).from(stranger));

            assertThat(perform(get("/requests/{id}", theirs.getId()), frontDesk).getResponse().getStatus()).isEqualTo(404);
            assertThat(perform(post("/requests/{id}/actions/acknowledge", theirs.getId()), frontDesk).getResponse()
                    .getStatus()).isEqualTo(404);
            assertThat(perform(post("/requests/{id}/follow-up", theirs.getId()), frontDesk).getResponse().getStatus())
                    .isEqualTo(404);
            assertThat(perform(get("/requests/customer/{id}", stranger), frontDesk).getResponse().getStatus())
                    .isEqualTo(404);

            ServiceRequest untouched = data.reload(theirs.getId());
            assertThat(untouched.getStatus()).isEqualTo(RequestStatus.NEW);
            assertThat(untouched.getFollowUps()).isZero();
        }

        @Test
        void aDispatcherWorksTheQueues() throws Exception {
            ServiceRequest request = data.receive(frontDesk, data.repair(site));
            PropertyDeskUser dispatcher = data.dispatcher(site);

            assertThat(html(get("/requests"), dispatcher)).contains(request.getNumber());
            perform(post("/requests/{id}/actions/dispatch", request.getId()), dispatcher);
            assertThat(data.reload(request.getId()).getStatus()).isEqualTo(RequestStatus.DISPATCHED);
        }
    }
}
