package org.propertydesk.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.api.ApiProblemException;
import org.propertydesk.shared.api.ApiProblems;
import org.propertydesk.shared.api.ApiValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard for API clients: the same figures as the dashboard page for the same sites and days, each count with
 * the link to the list behind it. Readers of dashboards only; a site the caller does not serve is "not found".
 */
@ApiController
@PreAuthorize(Selections.READERS)
@Tag(name = "Dashboard", description = "The KPIs of the caller's sites over a period")
class DashboardApiController {

    /** Why a period was refused, as the field it belongs to and the API's message. */
    private static final Map<String, String> PERIOD_MESSAGES = Map.of(
            "dashboard.error.periodDaysRequired", "api.dashboard.bothDays",
            "dashboard.error.periodOrder", "api.dashboard.periodOrder",
            "dashboard.error.periodTooLong", "api.dashboard.periodTooLong");

    private final Selections selections;
    private final DashboardQueries queries;

    DashboardApiController(Selections selections, DashboardQueries queries) {
        this.selections = selections;
        this.queries = queries;
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(summary = "Every KPI of one site, or of all the caller's sites, over a period",
            description = "The same figures as the dashboard page: volume, response, arrival and resolution times, SLA "
                    + "stages and breaches, backlog by age, first-contact resolution, follow-ups, reopened and repeat "
                    + "requests with hotspots, promises kept, complaints per 100 households, escalations, callbacks, "
                    + "ratings, the satisfaction index against the national one, and technicians. Without `from` and "
                    + "`to`, the last 30 days up to today; with them, those days (both included, at most "
                    + Period.MAX_DAYS + "). Each count has its `drill` and the `link` of the page listing its "
                    + "requests. Managers and administrators only.")
    @ApiResponse(responseCode = "404", description = "The site code is unknown or not one of the caller's sites")
    DashboardApiJson.DashboardJson dashboard(
            @Parameter(description = "One site, by code; none: every site the caller serves", example = "SH-001")
            @RequestParam(required = false) String siteCode,
            @Parameter(description = "First day, yyyy-MM-dd; give both days or neither", example = "2026-03-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last day, yyyy-MM-dd, included", example = "2026-03-31")
            @RequestParam(required = false) String to) {
        DashboardParams choice = days(from, to);
        List<SiteSummary> sites = selections.choosable();
        if (siteCode != null && !siteCode.isBlank()) {
            String code = siteCode.strip();
            SiteSummary site = sites.stream().filter(s -> s.code().equalsIgnoreCase(code)).findFirst()
                    .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND,
                            "api.dashboard.siteUnknown", code));
            choice.setSites(List.of(site.id()));
        }
        Selection selection;
        try {
            selection = selections.resolve(choice);
        } catch (Period.InvalidPeriodException refused) {
            throw ApiValidationException.of(choice.getFrom() == null ? "from" : "to",
                    PERIOD_MESSAGES.getOrDefault(refused.messageKey(), "api.error.badRequest"), Period.MAX_DAYS);
        }
        return DashboardApiJson.of(queries.dashboard(selection), sites, choice);
    }

    /** The days asked for, as the page's choice of them, so that the links open the same days. */
    private static DashboardParams days(String from, String to) {
        ApiValidationException.Collector errors = new ApiValidationException.Collector();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        errors.throwIfAny();
        DashboardParams choice = new DashboardParams();
        if (first == null && last == null) {
            choice.setPeriod(Period.Preset.DAYS_30);
            return choice;
        }
        choice.setPeriod(Period.Preset.CUSTOM);
        choice.setFrom(first);
        choice.setTo(last);
        return choice;
    }

    private static LocalDate date(String field, String value, ApiValidationException.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            errors.add(field, "api.dashboard.badDate");
            return null;
        }
    }
}
