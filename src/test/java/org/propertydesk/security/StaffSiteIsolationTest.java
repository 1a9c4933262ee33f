package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.propertydesk.security.Routes.Route;
import org.propertydesk.security.SiteRecords.Kind;
import org.propertydesk.security.SiteRecords.Site;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Staff limited to their sites never reach another site's records, whatever the route: every staff page and API call
 * that takes a path variable, found at run time, is called by the manager, front desk, dispatcher and technician of
 * site B with the real ids of site A's records in every variable, and answers 404 (or 403 where the role may not use
 * the route at all) as for an id that does not exist (at the gate, where an unknown pass number is a normal answer,
 * the answer for an unknown number), and site A's rows stay exactly as they were. The same people
 * of site A open the same pages with the same ids, so the ids are real and name what the route expects. A route added
 * later with a variable no rule below names fails the test until it gets a rule.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSiteIsolationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

    /** Which kind of site record a path variable names, by variable under a path; the longest path that fits wins. */
    private static final List<Rule> RULES = List.of(
            new Rule("", "customerId", Kind.CUSTOMER),
            new Rule("", "houseId", Kind.HOUSE),
            new Rule("", "requestId", Kind.REQUEST),
            new Rule("", "siteId", Kind.SITE),
            new Rule("", "staffId", Kind.TECHNICIAN),
            new Rule("", "attachmentId", Kind.ATTACHMENT),
            new Rule("", "photoId", Kind.WORK_ORDER_PHOTO),
            new Rule("", "inspectionId", Kind.INSPECTION),
            new Rule("", "questionId", Kind.QUESTION),
            new Rule("/gate/passes", "number", Kind.PASS_NUMBER),
            new Rule("/api/v1/release-passes", "number", Kind.PASS_NUMBER),
            new Rule("/records/customers", "id", Kind.CUSTOMER),
            new Rule("/records/houses", "id", Kind.HOUSE),
            new Rule("/records/occupancies", "id", Kind.OCCUPANCY),
            new Rule("/records/sites", "id", Kind.SITE),
            new Rule("/requests", "id", Kind.REQUEST),
            new Rule("/requests/settings/sla", "id", Kind.SLA_POLICY),
            new Rule("/requests/settings/holidays", "id", Kind.HOLIDAY),
            new Rule("/dispatch/requests", "id", Kind.REQUEST),
            new Rule("/dispatch/work-orders", "id", Kind.WORK_ORDER),
            new Rule("/dispatch/teams", "id", Kind.TEAM),
            new Rule("/dispatch/rules", "id", Kind.DISPATCH_RULE),
            new Rule("/dispatch/roster/shifts", "id", Kind.SHIFT),
            new Rule("/work", "id", Kind.WORK_ORDER),
            new Rule("/api/v1/work-orders", "id", Kind.WORK_ORDER),
            new Rule("/api/v1/requests", "id", Kind.REQUEST),
            new Rule("/api/v1/callbacks", "id", Kind.CALLBACK),
            new Rule("/api/v1/incidents", "id", Kind.INCIDENT),
            new Rule("/api/v1/houses", "id", Kind.HOUSE),
            new Rule("/callbacks", "id", Kind.CALLBACK),
            new Rule("/notices", "id", Kind.NOTICE),
            new Rule("/notifications", "id", Kind.NOTIFICATION),
            new Rule("/surveys", "id", Kind.QUESTIONNAIRE),
            new Rule("/surveys/{id}/edit", "id", Kind.DRAFT_QUESTIONNAIRE),
            new Rule("/surveys/{id}/questions", "id", Kind.DRAFT_QUESTIONNAIRE),
            new Rule("/surveys/{id}/open", "id", Kind.DRAFT_QUESTIONNAIRE),
            new Rule("/surveys/improvements", "id", Kind.IMPROVEMENT),
            new Rule("/care/programmes", "id", Kind.CARE_PROGRAMME),
            new Rule("/care/tasks", "id", Kind.CARE_TASK),
            new Rule("/activities", "id", Kind.ACTIVITY),
            new Rule("/incidents", "id", Kind.INCIDENT),
            new Rule("/affairs/move-in", "id", Kind.MOVE_IN),
            new Rule("/affairs/decorations", "id", Kind.DECORATION),
            new Rule("/affairs/parking", "id", Kind.PARKING_SPACE),
            new Rule("/affairs/fees/houses", "id", Kind.HOUSE),
            new Rule("/affairs/fees/customers", "id", Kind.CUSTOMER),
            new Rule("/passes", "id", Kind.RELEASE_PASS),
            new Rule("/report-points", "id", Kind.REPORT_POINT));

    /**
     * Path variables that are words rather than records, with the word used: a move every open request takes, so
     * that a call let through would show in the request's rows.
     */
    private static final Map<String, String> WORDS = Map.of("action", "follow-up");

    /** Routes whose variable names no record of a site, so that there is nothing of site A to put in it. */
    private static final Set<String> NOT_SITE_RECORDS = Set.of(
            // An upload waiting to be confirmed, named by a random token and kept for the person who uploaded it.
            "/records/import/{token}", "/affairs/fees/import/{token}",
            // The blank CSV template of a kind of import: a file name.
            "/records/import/template/{kind}.csv",
            // Request categories and reply templates are the company's, shared by every site.
            "/requests/settings/categories/{id}", "/requests/settings/templates/{id}");

    /** Routes only administrators use; administrators serve every site, so there is no other site to keep out of. */
    private static final List<String> ADMIN_ONLY = List.of("/staff", "/audit", "/dispatch/materials");

    /**
     * Form fields every state-changing page is sent, valid wherever they are read (a note, a reason, a time, a name),
     * so that a form is not turned away for being empty before anyone looks at whose record it is.
     */
    private static final Map<String, String> FORM = Map.ofEntries(
            Map.entry("note", "不是本小区的工单"), Map.entry("reason", "不是本小区的工单"),
            Map.entry("comment", "不是本小区的工单"), Map.entry("finding", "楼道堆放杂物"),
            Map.entry("promisedAt", "2031-01-06T10:00"), Map.entry("callBackAt", "2031-01-06T10:00"),
            Map.entry("startsAt", "2031-01-06T08:00"), Map.entry("endsAt", "2031-01-06T10:00"),
            Map.entry("workPlace", "厨房"), Map.entry("approver", "工程部赵工"), Map.entry("code", "Z9"),
            Map.entry("name", "新名称"), Map.entry("title", "新标题"), Map.entry("body", "新正文"),
            Map.entry("validFrom", "2020-01-01T08:00"), Map.entry("outcome", "NO_ANSWER"));

    /**
     * Routes where a number nobody knows is an answer, not an error: the gate shows the guard "unknown pass" for it.
     * Another site's pass must get exactly that answer, and nothing of the pass.
     */
    private static final Set<String> UNKNOWN_IS_AN_ANSWER = Set.of("/gate/passes/{number}", "/gate/passes/{number}/use");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    SiteRecords records;
    Site a;
    Site b;
    List<Route> routes;

    @BeforeAll
    void siteAWithEverythingAndSiteBWithItsStaff() throws Exception {
        records = new SiteRecords(context, mvc);
        a = records.siteWithEverything();
        b = records.emptySite();
        routes = Routes.of(mapping).stream()
                .filter(route -> route.takesVariables() && !RouteSecurityTest.isPublic(route) && !route.under("/portal"))
                .filter(route -> !NOT_SITE_RECORDS.contains(route.pattern()) && !adminOnly(route))
                .toList();
    }

    @Test
    void everyStaffRouteTakingAVariableHasARuleNamingTheKindOfRecordInIt() {
        List<String> unmapped = new ArrayList<>();
        for (Route route : routes) {
            for (String variable : variables(route)) {
                if (!WORDS.containsKey(variable) && kind(route, variable).isEmpty()) {
                    unmapped.add(route.name() + " {" + variable + "}");
                }
            }
        }
        assertThat(routes).as("staff routes taking variables").hasSizeGreaterThan(100);
        assertThat(unmapped).as("routes whose variables no rule names: add a rule, or an exclusion saying why")
                .isEmpty();
        assertThat(NOT_SITE_RECORDS).as("excluded routes are still mapped")
                .allMatch(pattern -> Routes.of(mapping).stream().anyMatch(route -> route.pattern().equals(pattern)));
    }

    @Test
    void theRoutesLeftToAdministratorsAreRefusedToEverySiteLimitedRole() throws Exception {
        List<Route> adminRoutes = Routes.of(mapping).stream().filter(StaffSiteIsolationTest::adminOnly).toList();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(adminRoutes).as("administrators' routes").isNotEmpty();
        for (Route route : adminRoutes) {
            for (Role role : SiteRecords.SITE_ROLES) {
                Answer answer = call(route.request().with(csrf()).with(Users.as(a.as(role))));
                softly.assertThat(answer.status()).as("%s as %s of site A → %s", route.name(), role, answer).isEqualTo(403);
            }
        }
        softly.assertAll();
    }

    @Test
    void staffOfSiteAOpenTheirOwnRecordsThroughEveryPageAndApiCall() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : gets()) {
            int opened = 0;
            for (Role role : SiteRecords.SITE_ROLES) {
                Answer answer = call(request(route).with(Users.as(a.as(role))));
                if (answer.status() != 403) {
                    softly.assertThat(answer.status()).as("%s as %s of site A with %s → %s", route.name(), role,
                            ids(route), answer).isEqualTo(200);
                    opened++;
                }
            }
            softly.assertThat(opened).as("%s is open to some site-limited role", route.name()).isPositive();
        }
        softly.assertAll();
    }

    @Test
    void staffOfSiteBGetNotFoundForEveryRecordOfSiteAAndChangeNothing() throws Exception {
        Map<String, List<String>> before = records.footprint(a.id());
        int notFound = 0;

        SoftAssertions softly = new SoftAssertions();
        for (Route route : mapped()) {
            for (Role role : SiteRecords.SITE_ROLES) {
                Answer answer = call(request(route).with(csrf()).with(Users.as(b.as(role))));
                String what = route.name() + " as " + role + " of site B with site A's " + ids(route) + " → " + answer;
                if (UNKNOWN_IS_AN_ANSWER.contains(route.pattern())) {
                    Answer unknown = call(route.request().with(csrf()).with(Users.as(b.as(role))));
                    softly.assertThat(answer.status()).as(what + " (unknown: " + unknown + ")").isEqualTo(unknown.status());
                    softly.assertThat(answer.body()).as(what).doesNotContain(SiteRecords.PASS_ITEMS);
                } else {
                    softly.assertThat(answer.status()).as(what).isIn(403, 404);
                }
                if (answer.status() == 404) {
                    notFound++;
                }
            }
        }

        softly.assertThat(notFound).as("calls that got past the role rule and were refused for the site").isGreaterThan(200);
        Map<String, List<String>> after = records.footprint(a.id());
        Set<String> changed = new TreeSet<>();
        for (String where : before.keySet()) {
            if (!before.get(where).equals(after.get(where))) {
                changed.add(where + ": " + before.get(where) + " → " + after.get(where));
            }
        }
        softly.assertThat(changed).as("site A's rows changed by site B's staff").isEmpty();
        softly.assertAll();
    }

    /** The routes whose every variable has a rule; the others fail the first test. */
    private List<Route> mapped() {
        return routes.stream().filter(route -> variables(route).stream()
                .allMatch(variable -> WORDS.containsKey(variable) || kind(route, variable).isPresent())).toList();
    }

    private List<Route> gets() {
        return mapped().stream().filter(route -> route.method() == HttpMethod.GET).toList();
    }

    /**
     * The route with site A's record of the right kind in every variable (and the word for words), site A's house,
     * customer, request or site in the request parameters named so, a filled-in form or JSON body.
     */
    private AbstractMockHttpServletRequestBuilder<?> request(Route route) {
        var request = route.request(variable -> Long.valueOf(value(route, variable)), variable -> value(route, variable));
        Map<String, String> params = new HashMap<>(route.changesState() ? FORM : Map.of());
        params.putAll(Map.of("houseId", a.of(Kind.HOUSE), "customerId", a.of(Kind.CUSTOMER),
                "requestId", a.of(Kind.REQUEST), "siteId", a.of(Kind.SITE)));
        request.with(call -> {
            params.forEach((name, value) -> {
                if (route.changesState() || call.getParameter(name) != null) {
                    call.setParameter(name, value);
                }
            });
            return call;
        });
        String body = """
                {"reason":"不是本小区的工单","note":"不是本小区的工单","outcome":"NO_ANSWER","overall":5,
                 "workDone":"已修好","ownerAbsent":true,"requestId":%s,"technicianId":%s}"""
                .formatted(a.of(Kind.REQUEST), a.of(Kind.TECHNICIAN));
        if (request instanceof MockMultipartHttpServletRequestBuilder upload && route.readsBody()) {
            upload.file(new MockMultipartFile("completion", "", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        } else if (route.readsBody()) {
            request.content(body);
        }
        return request;
    }

    private String value(Route route, String variable) {
        if (WORDS.containsKey(variable)) {
            return WORDS.get(variable);
        }
        Kind kind = kind(route, variable).orElseThrow(() -> new AssertionError("no rule for " + route.name() + " {"
                + variable + "}"));
        return a.of(kind);
    }

    private String ids(Route route) {
        List<String> named = new ArrayList<>();
        for (String variable : variables(route)) {
            named.add(variable + "=" + kind(route, variable).map(kind -> kind + " " + a.of(kind)).orElse(value(route, variable)));
        }
        return String.join(", ", named);
    }

    private static Optional<Kind> kind(Route route, String variable) {
        return RULES.stream()
                .filter(rule -> rule.variable().equals(variable) && (rule.under().isEmpty() || route.under(rule.under())))
                .max(Comparator.comparingInt(rule -> rule.under().length()))
                .map(Rule::kind);
    }

    private static List<String> variables(Route route) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(route.pattern());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static boolean adminOnly(Route route) {
        return ADMIN_ONLY.stream().anyMatch(route::under);
    }

    private Answer call(AbstractMockHttpServletRequestBuilder<?> request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            return new Answer(result.getResponse().getStatus(), result.getResponse().getHeader("Location"),
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8), null);
        } catch (Exception thrown) {
            return new Answer(500, null, "", thrown.toString());
        }
    }

    record Rule(String under, String variable, Kind kind) {
    }

    record Answer(int status, String location, String body, String thrown) {

        @Override
        public String toString() {
            return status + (location == null ? "" : " " + location) + (thrown == null ? "" : " " + thrown);
        }
    }
}
