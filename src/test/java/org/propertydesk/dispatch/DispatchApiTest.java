package org.propertydesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.propertydesk.support.ApiClient.bearer;
import static org.propertydesk.support.ApiClient.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.Priority;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Dispatch through the JSON API: a dispatcher's ranked suggestions and assignment, and a technician's phone taking the
 * job through its steps, with the request following; refusals as problem details in the caller's language.
 */
@ClockedIntegrationTest
class DispatchApiTest {

    /** A 1×1 transparent PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    long site;
    long house;
    PropertyDeskUser dispatcher;
    String dispatcherToken;

    @BeforeEach
    void aSiteWithADispatcherOnAWednesdayMorning() throws Exception {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        dispatcher = data.dispatcher(site);
        dispatcherToken = token(dispatcher);
    }

    String token(PropertyDeskUser user) throws Exception {
        return ApiClient.token(mvc, user.getUsername(), "x");
    }

    PropertyDeskUser plumber() {
        return data.technician(Set.of("PLUMBING"), site);
    }

    long plumbingRepair() {
        return data.repair(site, house, "PLUMBING", Priority.NORMAL);
    }

    ResultActions call(String token, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(bearer(token)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    ResultActions assign(String token, long requestId, String body) throws Exception {
        return call(token, post("/api/v1/requests/{id}/work-orders", requestId)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long assigned(long requestId, PropertyDeskUser technician) throws Exception {
        String response = assign(dispatcherToken, requestId, json("technicianId", technician.id()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    ResultActions step(String token, long workOrder, String action, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/work-orders/{id}/{action}", workOrder, action);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return call(token, request);
    }

    long photos(long workOrder) {
        return jdbc.sql("select count(*) from work_order_photo where work_order_id = ? and stage = 'AFTER'")
                .params(workOrder).query(Long.class).single();
    }

    @Test
    void suggestionsRankAPlumberOnDutyFirstForAPlumbingRepairWithReasonsInTheCallersLanguage() throws Exception {
        PropertyDeskUser onDuty = plumber();
        data.shift(onDuty, "2026-03-25T08:00", "2026-03-25T17:00", false);
        PropertyDeskUser offDuty = plumber();
        PropertyDeskUser electrician = data.technician(Set.of("ELECTRICAL"), site);
        data.shift(electrician, "2026-03-25T08:00", "2026-03-25T17:00", false);
        long repair = plumbingRepair();

        String response = call(dispatcherToken, get("/api/v1/requests/{id}/suggestions", repair))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.staffId == " + onDuty.id() + ")].name").value(onDuty.displayName()))
                .andExpect(jsonPath("$[?(@.staffId == " + onDuty.id() + ")].score").value(73))
                .andExpect(jsonPath("$[?(@.staffId == " + onDuty.id() + ")].onDuty").value(true))
                .andExpect(jsonPath("$[?(@.staffId == " + onDuty.id() + ")].skillMatch").value(true))
                .andExpect(jsonPath("$[?(@.staffId == " + onDuty.id() + ")].openJobs").value(0))
                .andExpect(jsonPath("$[?(@.staffId == " + electrician.id() + ")].skillMatch").value(false))
                .andReturn().getResponse().getContentAsString();
        List<Number> ranked = JsonPath.read(response, "$[*].staffId");
        List<Long> order = ranked.stream().map(Number::longValue).toList();
        assertThat(order).containsSubsequence(onDuty.id(), offDuty.id(), electrician.id());
        List<String> reasons = JsonPath.read(response, "$[?(@.staffId == " + onDuty.id() + ")].reasons[*]");
        assertThat(reasons).containsExactly("Has the skill: Plumbing", "On duty now", "0 open job(s)",
                "No arrivals in the last 30 days");
        List<String> electricianReasons = JsonPath.read(response,
                "$[?(@.staffId == " + electrician.id() + ")].reasons[*]");
        assertThat(electricianReasons).contains("Lacks the skill: Plumbing");
        List<Object> onTime = JsonPath.read(response, "$[?(@.staffId == " + onDuty.id() + ")].onTimePercent");
        assertThat(onTime).containsExactly((Object) null);

        String chinese = mvc.perform(get("/api/v1/requests/{id}/suggestions", repair).with(bearer(dispatcherToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(chinese, "$[?(@.staffId == " + onDuty.id() + ")].reasons[*]"))
                .containsExactly("具备技能：给排水", "当前在班", "手上 0 单未完成", "近 30 天无到场记录");

        call(token(onDuty), get("/api/v1/requests/{id}/suggestions", repair)).andExpect(status().isForbidden());
        call(token(data.dispatcher(data.site())), get("/api/v1/requests/{id}/suggestions", repair))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAssignmentIsCreatedAndASecondOneIsToldWhoTookIt() throws Exception {
        PropertyDeskUser plumber = plumber();
        PropertyDeskUser other = plumber();
        long repair = plumbingRepair();

        String response = assign(dispatcherToken, repair, json("technicianId", plumber.id(), "expectedActive", 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.requestId").value(repair))
                .andExpect(jsonPath("$.requestNumber").isNotEmpty())
                .andExpect(jsonPath("$.number", endsWith("-1")))
                .andExpect(jsonPath("$.technicianId").value(plumber.id()))
                .andExpect(jsonPath("$.teamId").isEmpty())
                .andExpect(jsonPath("$.assignee").value(plumber.displayName()))
                .andExpect(jsonPath("$.assignedBy").value(dispatcher.displayName()))
                .andExpect(jsonPath("$.assignedAt").value("2026-03-25T10:00:00+08:00"))
                .andExpect(jsonPath("$.dueArrivalAt", endsWith("+08:00")))
                .andExpect(jsonPath("$.acceptedAt").isEmpty())
                .andExpect(jsonPath("$.materials", hasSize(0)))
                .andReturn().getResponse().getContentAsString();
        long workOrder = ((Number) JsonPath.read(response, "$.id")).longValue();
        assertThat(JsonPath.<String>read(response, "$.number")).isEqualTo(JsonPath.read(response, "$.requestNumber") + "-1");
        assertThat(data.requestStatus(repair)).isEqualTo("DISPATCHED");

        PropertyDeskUser colleague = data.dispatcher(site);
        assign(token(colleague), repair, json("technicianId", other.id(), "expectedActive", 0))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:concurrent-change"))
                .andExpect(jsonPath("$.code").value("dispatch.error.alreadyTaken"))
                .andExpect(jsonPath("$.detail").value("Already taken: " + plumber.displayName() + " was assigned by "
                        + dispatcher.displayName() + " a moment ago."));

        call(dispatcherToken, get("/api/v1/work-orders").param("requestId", Long.toString(repair)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(workOrder));
        call(dispatcherToken, get("/api/v1/work-orders/{id}", workOrder))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneePhone").value("13900000000"));
    }

    @Test
    void assignmentsTheSiteCannotTakeAreRefusedOnTheirField() throws Exception {
        long otherSite = data.site();
        PropertyDeskUser elsewhere = data.technician(Set.of("PLUMBING"), otherSite);
        PropertyDeskUser desk = data.frontDesk(site);
        long repair = plumbingRepair();

        assign(dispatcherToken, repair, json("technicianId", elsewhere.id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("technicianId"))
                .andExpect(jsonPath("$.errors[0].message").value(elsewhere.displayName() + " does not serve this site."));
        assign(dispatcherToken, repair, json("technicianId", desk.id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("technicianId"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose an active technician."));
        assign(dispatcherToken, repair, json("expectedActive", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("technicianId"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose a technician or a team."));
        assign(dispatcherToken, repair, json("technicianId", elsewhere.id(), "teamId", 1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value("Give a technician or a team, not both."));
        assign(dispatcherToken, repair, json("technicianId", "twelve"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("technicianId"));
        mvc.perform(post("/api/v1/requests/{id}/work-orders", repair).with(bearer(dispatcherToken))
                        .contentType(MediaType.APPLICATION_JSON).content(json("teamId", 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));
        assertThat(data.requestStatus(repair)).isEqualTo("NEW");

        assign(token(data.dispatcher(otherSite)), repair, json("technicianId", elsewhere.id()))
                .andExpect(status().isNotFound());
        assign(token(desk), repair, json("technicianId", plumber().id())).andExpect(status().isForbidden());
        assign(dispatcherToken, Long.MAX_VALUE, json("technicianId", plumber().id())).andExpect(status().isNotFound());
    }

    @Test
    void theTechnicianTakesTheJobThroughEveryStepAndTheRequestFollows() throws Exception {
        PropertyDeskUser plumber = plumber();
        String listed = data.material("水龙头", "12.50");
        String tap = listed;
        long repair = plumbingRepair();
        long workOrder = assigned(repair, plumber);
        String phone = token(plumber);

        step(phone, workOrder, "accept", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.acceptedAt").value("2026-03-25T10:00:00+08:00"));
        assertThat(data.requestStatus(repair)).isEqualTo("DISPATCHED");

        clock.advanceMinutes(20);
        step(phone, workOrder, "arrive", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_SITE"))
                .andExpect(jsonPath("$.arrivedAt").value("2026-03-25T10:20:00+08:00"))
                .andExpect(jsonPath("$.requestStatus").value("IN_PROGRESS"));
        assertThat(data.requestStatus(repair)).isEqualTo("IN_PROGRESS");

        step(phone, workOrder, "pause", json("reason", "等水龙头配件", "expectedResumeAt", "2026-03-25T14:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAUSED"))
                .andExpect(jsonPath("$.pauseReason").value("等水龙头配件"))
                .andExpect(jsonPath("$.expectedResumeAt").value("2026-03-25T14:00:00+08:00"));
        assertThat(data.requestStatus(repair)).isEqualTo("ON_HOLD");

        clock.advanceMinutes(10);
        step(phone, workOrder, "resume", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_SITE"))
                .andExpect(jsonPath("$.pauseReason").isEmpty());
        assertThat(data.requestStatus(repair)).isEqualTo("IN_PROGRESS");

        clock.advanceMinutes(15);
        step(phone, workOrder, "complete", """
                {"note": "更换水龙头，试水无渗漏", "materials": [{"code": "%s", "quantity": 2}], "labourMinutes": 45,
                 "charge": 80, "chargePaid": true, "confirmedBy": "业主王先生"}
                """.formatted(tap.toLowerCase(Locale.ROOT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.completedAt").value("2026-03-25T10:45:00+08:00"))
                .andExpect(jsonPath("$.workDone").value("更换水龙头，试水无渗漏"))
                .andExpect(jsonPath("$.materials", hasSize(1)))
                .andExpect(jsonPath("$.materials[0].code").value(tap))
                .andExpect(jsonPath("$.materials[0].name").value("Material " + listed))
                .andExpect(jsonPath("$.materials[0].unit").value("piece"))
                .andExpect(jsonPath("$.materials[0].unitPrice").value(12.5))
                .andExpect(jsonPath("$.materials[0].quantity").value(2.0))
                .andExpect(jsonPath("$.materials[0].amount").value(25.0))
                .andExpect(jsonPath("$.materialsTotal").value(25.0))
                .andExpect(jsonPath("$.charge").value(80.0))
                .andExpect(jsonPath("$.chargePaid").value(true))
                .andExpect(jsonPath("$.labourMinutes").value(45))
                .andExpect(jsonPath("$.confirmedBy").value("业主王先生"))
                .andExpect(jsonPath("$.ownerAbsent").value(false));
        assertThat(data.requestStatus(repair)).isEqualTo("RESOLVED");
        assertThat(data.timeline(repair)).contains("workAccepted", "workArrived", "workPaused", "workResumed",
                "workCompleted");

        step(phone, workOrder, "arrive", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:illegal-transition"))
                .andExpect(jsonPath("$.code").value("workOrder.error.illegalStep"))
                .andExpect(jsonPath("$.detail").value("Cannot \"arrive on site\" while the work order is Completed."));
        mvc.perform(post("/api/v1/work-orders/{id}/accept", workOrder).with(bearer(phone)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("派工单当前为“已完成”，不能执行“接单”。"));
    }

    @Test
    void aTechnicianSeesAndMovesOnlyTheirOwnJobs() throws Exception {
        PropertyDeskUser mine = plumber();
        PropertyDeskUser theirs = plumber();
        long myRepair = plumbingRepair();
        long theirRepair = plumbingRepair();
        long myJob = assigned(myRepair, mine);
        long theirJob = assigned(theirRepair, theirs);
        String phone = token(mine);

        for (String query : List.of("?mine=true", "?mine=false", "")) {
            call(phone, get("/api/v1/work-orders" + query))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(1)))
                    .andExpect(jsonPath("$[0].id").value(myJob))
                    .andExpect(jsonPath("$[0].requestId").value(myRepair))
                    .andExpect(jsonPath("$[0].categoryCode").value("PLUMBING"))
                    .andExpect(jsonPath("$[0].description").value("厨房水管漏水，请尽快上门"))
                    .andExpect(jsonPath("$[0].contactPhone").value("13800000000"));
        }
        call(phone, get("/api/v1/work-orders").param("requestId", Long.toString(theirRepair)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        call(phone, get("/api/v1/work-orders/{id}", myJob)).andExpect(status().isOk());
        call(phone, get("/api/v1/work-orders/{id}", theirJob)).andExpect(status().isNotFound());
        step(phone, theirJob, "accept", null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:not-found"));
        step(phone, myJob, "fly", null).andExpect(status().isNotFound());
        step(dispatcherToken, myJob, "accept", null).andExpect(status().isForbidden());

        call(dispatcherToken, get("/api/v1/work-orders"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestId"));
        call(dispatcherToken, get("/api/v1/work-orders").param("mine", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        call(token(data.frontDesk(site)), get("/api/v1/work-orders/{id}", theirJob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.technicianId").value(theirs.id()));
        PropertyDeskUser otherDispatcher = data.dispatcher(data.site());
        call(token(otherDispatcher), get("/api/v1/work-orders/{id}", theirJob)).andExpect(status().isNotFound());
        call(token(otherDispatcher), get("/api/v1/work-orders").param("requestId", Long.toString(theirRepair)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTeamsJobIsTakenByTheMemberWhoAcceptsIt() throws Exception {
        PropertyDeskUser member = plumber();
        long team = data.team("水电班", site, member);
        long repair = plumbingRepair();

        String response = assign(dispatcherToken, repair, json("teamId", team))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/v1/work-orders/")))
                .andExpect(jsonPath("$.teamId").value(team))
                .andExpect(jsonPath("$.technicianId").isEmpty())
                .andExpect(jsonPath("$.assignee", startsWith("水电班")))
                .andReturn().getResponse().getContentAsString();
        long workOrder = ((Number) JsonPath.read(response, "$.id")).longValue();
        String phone = token(member);

        call(phone, get("/api/v1/work-orders").param("mine", "true"))
                .andExpect(jsonPath("$[*].id", contains((int) workOrder)));
        step(phone, workOrder, "accept", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.technicianId").value(member.id()))
                .andExpect(jsonPath("$.assignee").value(member.displayName()));
    }

    @Test
    void badStepInputIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        PropertyDeskUser plumber = plumber();
        long workOrder = assigned(plumbingRepair(), plumber);
        String phone = token(plumber);

        step(phone, workOrder, "decline", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Please give a reason."));
        step(phone, workOrder, "decline", json("reason", "x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        step(phone, workOrder, "decline", null).andExpect(status().isBadRequest());
        step(phone, workOrder, "accept", null).andExpect(status().isOk());
        step(phone, workOrder, "arrive", null).andExpect(status().isOk());

        step(phone, workOrder, "pause", json("reason", "等配件", "expectedResumeAt", "2026-03-25T09:00:00+08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedResumeAt"))
                .andExpect(jsonPath("$.errors[0].message").value("The expected time must be in the future."));
        step(phone, workOrder, "complete", json("materials", null, "confirmedBy", "业主"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("Please describe what was done."));
        step(phone, workOrder, "complete", """
                {"note": "换阀门", "materials": [{"code": "NO-SUCH", "quantity": 1}], "confirmedBy": "业主"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("materials"))
                .andExpect(jsonPath("$.errors[0].message").value("No material with code NO-SUCH on the price list."));
        step(phone, workOrder, "complete", json("note", "换阀门", "charge", 50, "confirmedBy", "业主"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("chargePaid"));
        step(phone, workOrder, "complete", json("note", "换阀门"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmedBy"));
        step(phone, workOrder, "complete", json("note", "换阀门", "labourMinutes", "an hour", "ownerAbsent", true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("labourMinutes"));
        mvc.perform(post("/api/v1/work-orders/{id}/complete", workOrder).with(bearer(phone))
                        .contentType(MediaType.APPLICATION_JSON).content(json("ownerAbsent", true)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请填写处理内容。"));

        call(phone, get("/api/v1/work-orders/{id}", workOrder))
                .andExpect(jsonPath("$.status").value("ON_SITE"))
                .andExpect(jsonPath("$.materials", hasSize(0)));
    }

    @Test
    void aCompletionWithPhotosStoresThemWithTheCompletionOrNotAtAll() throws Exception {
        PropertyDeskUser plumber = plumber();
        long repair = plumbingRepair();
        long workOrder = assigned(repair, plumber);
        String phone = token(plumber);
        step(phone, workOrder, "accept", null).andExpect(status().isOk());
        step(phone, workOrder, "arrive", null).andExpect(status().isOk());
        MockMultipartFile completion = new MockMultipartFile("completion", "", MediaType.APPLICATION_JSON_VALUE,
                json("note", "疏通下水道", "ownerAbsent", true).getBytes(StandardCharsets.UTF_8));

        call(phone, multipart("/api/v1/work-orders/{id}/complete", workOrder).file(completion)
                        .file(new MockMultipartFile("photos", "after.png", "image/png", PNG))
                        .file(new MockMultipartFile("photos", "notes.txt", "image/png",
                                "not a photo".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photos"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Only photos (JPEG, PNG, GIF, WebP, HEIC) and PDF files are accepted."));
        assertThat(photos(workOrder)).isZero();
        assertThat(data.requestStatus(repair)).isEqualTo("IN_PROGRESS");

        call(phone, multipart("/api/v1/work-orders/{id}/complete", workOrder).file(completion)
                        .file(new MockMultipartFile("photos", "after.png", "image/png", PNG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.ownerAbsent").value(true))
                .andExpect(jsonPath("$.confirmedBy").isEmpty());
        assertThat(photos(workOrder)).isEqualTo(1);
        assertThat(data.requestStatus(repair)).isEqualTo("RESOLVED");
    }

    @Test
    void theOpenApiDocumentDescribesTheDispatchEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs").with(Users.as(dispatcher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}/suggestions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}/work-orders'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}/work-orders'].post.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/work-orders'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/work-orders/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/work-orders/{id}/pause'].post.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/work-orders/{id}/complete'].post.requestBody.content"
                        + "['multipart/form-data']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/work-orders/{id}/complete'].post.requestBody.content"
                        + "['application/json']").exists())
                .andExpect(jsonPath("$.components.schemas.WorkOrder.properties.materialsTotal").exists());
    }
}
