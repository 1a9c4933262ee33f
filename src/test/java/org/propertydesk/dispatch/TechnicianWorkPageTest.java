package org.propertydesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtGroup;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.Priority;
import org.propertydesk.shared.files.FileStore;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The technician's phone page, in English, as the phone uses it: my jobs with the time left, each step of a job from
 * accepting to finishing with materials, a charge and photos, the messages that come back on bad input, and that
 * nobody else's job can be seen or moved. The clock starts on Wednesday 25 March 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class TechnicianWorkPageTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    DispatchTestData data;

    @Autowired
    WorkOrderService workOrders;

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient jdbc;

    long site;
    long house;
    PropertyDeskUser technician;
    PropertyDeskUser colleague;
    PropertyDeskUser dispatcher;

    @BeforeEach
    void aSiteWithTwoTechniciansAndADispatcher() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        technician = data.technician(Set.of("PLUMBING"), site);
        colleague = data.technician(Set.of("PLUMBING"), site);
        dispatcher = data.dispatcher(site);
    }

    @Test
    void myJobsAreListedMostPressingFirstWithTheTimeLeftAndNobodyElsesAre() throws Exception {
        long normal = data.repair(site, house, "PLUMBING", Priority.NORMAL);
        long urgent = data.repair(site, house, "PLUMBING", Priority.URGENT);
        long low = data.repair(site, null, "PLUMBING", Priority.LOW);
        long notMine = data.repair(site, house, "PLUMBING", Priority.EMERGENCY);
        assign(normal, technician);
        assign(urgent, technician);
        assign(low, technician);
        assign(notMine, colleague);
        Instant urgentArrival = data.requestTime(urgent, "due_arrival_at");
        LocalDate lowArrival = data.requestTime(low, "due_arrival_at").atZone(MutableClock.SHANGHAI).toLocalDate();
        assertThat(lowArrival).as("a low-priority repair is due on a later day").isAfter(LocalDate.of(2026, 3, 25));

        clock.set(urgentArrival.minusSeconds(25 * 60));
        String page = html(get("/work"), technician);

        assertThat(page).contains(number(urgent), number(normal), number(low)).doesNotContain(number(notMine));
        assertThat(page.indexOf("Today")).isLessThan(page.indexOf(number(urgent)));
        assertThat(page.indexOf(number(urgent))).as("most pressing first").isLessThan(page.indexOf(number(normal)));
        assertThat(page.indexOf(number(normal))).isLessThan(page.indexOf("Coming up"));
        assertThat(page.indexOf("Coming up")).isLessThan(page.indexOf(number(low)));
        assertThat(page).contains("Arrive within 25 min").contains("1号楼大堂").contains("hx-get=\"/work/jobs\"");

        clock.set(urgentArrival.plusSeconds(10 * 60));
        assertThat(html(get("/work/jobs"), technician)).contains("Arrival overdue by 10 min");
    }

    @Test
    void withNoJobsThePageSaysSo() throws Exception {
        assertThat(html(get("/work"), technician)).contains("No open jobs.");
    }

    @Test
    void aJobGoesThroughEveryStepOnThePhoneAndEndsFinishedToday() throws Exception {
        String tap = data.material("水龙头", "25.50");
        long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
        long id = assign(request, technician);
        long callerPhoto = requestPhoto(request);
        String job = "/work/" + id;

        String detail = html(get(job), technician);
        assertThat(detail).contains(number(request)).contains("-1502").contains("href=\"tel:13800000000\"")
                .contains("138 0000 0000").contains("厨房水管漏水").contains("Accept the job").contains("Decline")
                .doesNotContain("I have arrived");
        MvcResult photo = mvc.perform(get(job + "/request-photos/" + callerPhoto).with(Users.as(technician))).andReturn();
        assertThat(photo.getResponse().getStatus()).isEqualTo(200);
        assertThat(photo.getResponse().getContentType()).isEqualTo("image/png");

        assertThat(followed(act(post(job + "/accept")), technician)).contains("You took " + number(request) + "-1.")
                .contains("I have arrived");
        MvcResult before = act(multipart(job + "/photos").file(png("before.png")).param("stage", "BEFORE"));
        assertThat(followed(before, technician)).contains("Photos added.").contains("Before");

        clock.set("2026-03-25T10:20");
        assertThat(followed(act(post(job + "/arrive")), technician)).contains("Arrival recorded");
        assertThat(data.requestTime(request, "arrived_at")).isEqualTo(DispatchTestData.shanghai("2026-03-25T10:20"));

        MvcResult paused = act(post(job + "/pause").param("reason", "等配件").param("expectedResume", "2026-03-25T14:00"));
        assertThat(followed(paused, technician)).contains("paused.").contains("Paused: 等配件")
                .contains("Expected back at 2026-03-25 14:00").contains("Resume work");
        assertThat(followed(act(post(job + "/resume")), technician)).contains("Back at work on");

        MvcResult done = act(multipart(job + "/complete").file(png("after.png"))
                .param("workDone", "更换水龙头").param("labourMinutes", "40")
                .param("materials[0].code", tap).param("materials[0].quantity", "2")
                .param("charge", "80").param("chargePaid", "true").param("confirmedBy", "王先生"));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/work");
        assertThat(followed(done, technician)).contains("completed. Thank you!").contains("Finished today")
                .contains(number(request)).contains("Finished at 2026-03-25 10:20");

        Map<String, Object> order = jdbc.sql("""
                select status, work_done, labour_minutes, materials_total, charge, charge_paid, confirmed_by
                from work_order where id = ?""").params(id).query().singleRow();
        assertThat(order).containsEntry("status", "COMPLETED").containsEntry("work_done", "更换水龙头")
                .containsEntry("labour_minutes", 40).containsEntry("materials_total", new BigDecimal("51.00"))
                .containsEntry("charge", new BigDecimal("80.00")).containsEntry("charge_paid", true)
                .containsEntry("confirmed_by", "王先生");
        assertThat(jdbc.sql("select stage from work_order_photo where work_order_id = ? order by id").params(id)
                .query(String.class).list()).containsExactly("BEFORE", "AFTER");
        long afterPhoto = jdbc.sql("select max(id) from work_order_photo where work_order_id = ?").params(id)
                .query(Long.class).single();
        MvcResult shown = mvc.perform(get(job + "/photos/" + afterPhoto).with(Users.as(technician))).andReturn();
        assertThat(shown.getResponse().getContentType()).isEqualTo("image/png");

        String finished = html(get(job), technician);
        assertThat(finished).contains("更换水龙头").contains(" × 2 piece: ¥51.00")
                .contains("Charged ¥80.00 (paid)").contains("Confirmed on site by 王先生").doesNotContain("Add photos");
    }

    @Test
    void declineTakesTheJobOffMyList() throws Exception {
        long request = data.repair(site, house, "PLUMBING", Priority.NORMAL);
        long id = assign(request, technician);

        MvcResult declined = act(post("/work/" + id + "/decline").param("reason", "不在班"));

        assertThat(declined.getResponse().getRedirectedUrl()).isEqualTo("/work");
        assertThat(followed(declined, technician)).contains("declined; the dispatcher will send someone else.")
                .contains("No open jobs.");
        assertThat(data.timeline(request)).contains("workDeclined");
    }

    @Test
    void aTeamJobIsOfferedToEveryMemberUntilOneAcceptsIt() throws Exception {
        long teamId = data.team("水电班", site, technician, colleague);
        long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
        long id = Users.callAs(dispatcher, () -> workOrders.assign(request, WorkOrder.Assignee.team(teamId), 0)).getId();

        assertThat(html(get("/work"), colleague)).contains(number(request)).contains("Team job, not taken yet");
        assertThat(html(get("/work/" + id), colleague)).as("a member who cannot take it simply leaves it")
                .contains("Accept the job").doesNotContain(">Decline<").doesNotContain("Add photos");
        act(post("/work/" + id + "/accept"));

        assertThat(html(get("/work"), technician)).contains(number(request)).doesNotContain("Team job, not taken yet");
        assertThat(html(get("/work"), colleague)).doesNotContain(number(request));
        mvc.perform(get("/work/" + id).with(Users.as(colleague))).andExpect(status().isNotFound());
    }

    @Test
    void anotherTechnicianCanNeitherSeeNorMoveMyJob() throws Exception {
        long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
        long id = assign(request, technician);
        long callerPhoto = requestPhoto(request);
        String job = "/work/" + id;

        List<AbstractMockHttpServletRequestBuilder<?>> attempts = List.of(get(job),
                get(job + "/request-photos/" + callerPhoto), get(job + "/photos/1"), post(job + "/accept"),
                post(job + "/decline").param("reason", "抢单"), multipart(job + "/photos").file(png("mine.png")));
        for (AbstractMockHttpServletRequestBuilder<?> attempt : attempts) {
            mvc.perform(attempt.with(Users.as(colleague)).with(csrf()).cookie(ENGLISH)).andExpect(status().isNotFound());
        }
        assertThat(jdbc.sql("select status from work_order where id = ?").params(id).query(String.class).single())
                .isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("select count(*) from work_order_photo where work_order_id = ?").params(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTechniciansUseThePhonePage() throws Exception {
        long id = assign(data.repair(site, house, "PLUMBING", Priority.URGENT), technician);

        mvc.perform(get("/work").with(Users.as(dispatcher))).andExpect(status().isForbidden());
        mvc.perform(get("/work/" + id).with(Users.as(dispatcher))).andExpect(status().isForbidden());
        mvc.perform(post("/work/" + id + "/accept").with(Users.as(dispatcher)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputComesBackTranslatedAtItsFieldWithWhatWasTyped() throws Exception {
        String tap = data.material("水龙头", "25.50");
        long id = assign(data.repair(site, house, "PLUMBING", Priority.URGENT), technician);
        String job = "/work/" + id;

        mvc.perform(post(job + "/decline").param("reason", " ").with(Users.as(technician)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk()).andExpect(errorAt("reason", "Please give a reason."));
        act(post(job + "/accept"));
        MvcResult twice = act(post(job + "/accept").header("Referer", "http://localhost" + job));
        assertThat(twice.getResponse().getRedirectedUrl()).isEqualTo(job);
        assertThat(followed(twice, technician)).contains("Cannot \"accept\" while the work order is Accepted.");
        act(post(job + "/arrive"));

        mvc.perform(post(job + "/pause").param("reason", "等配件").param("expectedResume", "2026-03-25T09:00")
                .with(Users.as(technician)).with(csrf()).cookie(ENGLISH))
                .andExpect(errorAt("expectedResume", "The expected time must be in the future."));

        complete(job, Map.of("confirmedBy", "王先生"))
                .andExpect(errorAt("workDone", "Please describe what was done."));
        assertThat(html(complete(job, Map.of("confirmedBy", "王先生")))).contains("value=\"王先生\"");
        complete(job, Map.of("workDone", "修好了", "confirmedBy", "王先生", "materials[0].code", tap,
                "materials[0].quantity", "-1"))
                .andExpect(errorAt("materials[0].quantity", "The quantity of " + tap + " must be more than 0."));
        complete(job, Map.of("workDone", "修好了", "confirmedBy", "王先生", "materials[1].quantity", "2"))
                .andExpect(errorAt("materials[1].code", "Choose the material for this quantity."));
        complete(job, Map.of("workDone", "修好了", "confirmedBy", "王先生", "charge", "50"))
                .andExpect(errorAtGroup("chargePaid", "Please say whether the charge was paid."));
        complete(job, Map.of("workDone", "修好了"))
                .andExpect(errorAt("confirmedBy", "Enter who confirmed the work on site, or tick \"owner not present\"."));
        complete(job, Map.of("workDone", "修好了", "ownerAbsent", "true", "labourMinutes", "half an hour"))
                .andExpect(errorAt("labourMinutes", "Enter a whole number."));

        MvcResult notAPhoto = act(multipart(job + "/photos").file(new MockMultipartFile("photos", "notes.png",
                "image/png", "just text".getBytes())).header("Referer", "http://localhost" + job));
        assertThat(followed(notAPhoto, technician)).contains("Only photos");
        MvcResult noPhoto = act(multipart(job + "/photos").file(new MockMultipartFile("photos", "", "image/png",
                new byte[0])).header("Referer", "http://localhost" + job));
        assertThat(followed(noPhoto, technician)).contains("Choose at least one photo.");
        assertThat(jdbc.sql("select status from work_order where id = ?").params(id).query(String.class).single())
                .isEqualTo("ON_SITE");
    }

    @Test
    void aRefusedAfterPhotoLeavesTheJobOnSite() throws Exception {
        long id = assign(data.repair(site, house, "PLUMBING", Priority.URGENT), technician);
        act(post("/work/" + id + "/accept"));
        act(post("/work/" + id + "/arrive"));

        mvc.perform(multipart("/work/" + id + "/complete").file(new MockMultipartFile("photos", "after.png",
                        "image/png", "not a picture".getBytes())).param("workDone", "修好了").param("ownerAbsent", "true")
                        .with(Users.as(technician)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk()).andExpect(errorAt("photos", "Only photos"));

        assertThat(jdbc.sql("select status from work_order where id = ?").params(id).query(String.class).single())
                .isEqualTo("ON_SITE");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private long assign(long requestId, PropertyDeskUser to) {
        return Users.callAs(dispatcher, () -> workOrders.assign(requestId, WorkOrder.Assignee.technician(to.id()), 0))
                .getId();
    }

    private String number(long requestId) {
        return jdbc.sql("select number from service_request where id = ?").params(requestId).query(String.class).single();
    }

    /** A photo the caller sent with the request, stored as intake stores it. */
    private long requestPhoto(long requestId) throws Exception {
        FileStore.StoredFile file = files.store(png("leak.png"), LocalDate.of(2026, 3, 25));
        return jdbc.sql("""
                insert into request_attachment (request_id, file_name, content_type, size_bytes, storage_key,
                                                uploaded_at, uploaded_by)
                values (?, ?, ?, ?, ?, ?, 'test') returning id
                """).params(requestId, file.fileName(), file.contentType(), file.size(), file.key(),
                Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** The technician acts, in English; the answer is a redirect. */
    private MvcResult act(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MvcResult result = mvc.perform(request.with(Users.as(technician)).with(csrf()).cookie(ENGLISH)).andReturn();
        assertThat(result.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        return result;
    }

    private ResultActions complete(String job, Map<String, String> fields)
            throws Exception {
        var request = multipart(job + "/complete");
        fields.forEach(request::param);
        return mvc.perform(request.with(Users.as(technician)).with(csrf()).cookie(ENGLISH)).andExpect(status().isOk());
    }

    private String html(AbstractMockHttpServletRequestBuilder<?> request, PropertyDeskUser who) throws Exception {
        MvcResult result = mvc.perform(request.with(Users.as(who)).cookie(ENGLISH)).andReturn();
        assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI()).isEqualTo(200);
        return Html.unescape(result.getResponse().getContentAsString());
    }

    private static String html(ResultActions actions) throws Exception {
        return Html.unescape(actions.andReturn().getResponse().getContentAsString());
    }

    /** The page the phone lands on after a redirect, with the flash message carried over. */
    private String followed(MvcResult redirect, PropertyDeskUser who) throws Exception {
        return html(get(redirect.getResponse().getRedirectedUrl()).with(BrowserSession.following(redirect)), who);
    }

    private static MockMultipartFile png(String name) throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x3366CC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new MockMultipartFile("photos", name, "image/png", out.toByteArray());
    }
}
