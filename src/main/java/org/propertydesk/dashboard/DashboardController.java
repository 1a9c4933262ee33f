package org.propertydesk.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's dashboard: every KPI for the chosen sites and period, with charts, each count linking to the list of
 * requests behind it; and that list, a page at a time, with links to its exports.
 */
@Controller
@RequestMapping("/dashboard")
@PreAuthorize(Selections.READERS)
class DashboardController {

    static final int PAGE_SIZE = 30;

    private final Selections selections;
    private final DashboardQueries queries;
    private final DrillDown drillDown;
    private final DrillSlices slices;
    private final MessageSource messages;
    private final JsonMapper json;
    private final List<DashboardSection> sections;

    DashboardController(Selections selections, DashboardQueries queries, DrillDown drillDown, DrillSlices slices,
            MessageSource messages, JsonMapper json, List<DashboardSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(DashboardSection::order)).toList();
        this.selections = selections;
        this.queries = queries;
        this.drillDown = drillDown;
        this.slices = slices;
        this.messages = messages;
        this.json = json;
    }

    /**
     * A choice the form cannot take (a period out of order, a date that is not one) comes back to the form with the
     * message at the field, and no figures.
     */
    @GetMapping
    String dashboard(@ModelAttribute DashboardParams dashboardParams, BindingResult binding, Model model, Locale locale) {
        List<SiteSummary> choosable = selections.choosable();
        model.addAttribute("sites", choosable);
        model.addAttribute("presets", Period.Preset.values());
        if (binding.hasErrors()) {
            return "dashboard/dashboard";
        }
        Selection selection;
        try {
            selection = selections.resolve(dashboardParams);
        } catch (Period.InvalidPeriodException refused) {
            binding.rejectValue(periodField(refused, dashboardParams), refused.messageKey());
            return "dashboard/dashboard";
        }
        DashboardView view = new DashboardView(queries.dashboard(selection), dashboardParams, choosable, messages, locale);
        model.addAttribute("d", view.dashboard());
        model.addAttribute("view", view);
        model.addAttribute("chartData", view.chartJson(json));
        model.addAttribute("sections", sections.stream()
                .map(section -> Map.of("title", section.titleKey(), "url", section.path() + dashboardParams.query()))
                .toList());
        return "dashboard/dashboard";
    }

    /**
     * The requests behind one figure. The parameters come from the dashboard's links; a drill or slice that is not
     * one answers 400, a period that is not one shows why next to the way back.
     */
    @GetMapping("/requests")
    String requests(@ModelAttribute DashboardParams dashboardParams, @ModelAttribute DrillParams drillParams,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("backLink", "/dashboard" + dashboardParams.query());
        model.addAttribute("drill", drillParams.getDrill());
        Selection selection;
        try {
            selection = selections.resolve(dashboardParams);
        } catch (Period.InvalidPeriodException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("periodError", refused.messageKey());
            return "dashboard/requests";
        }
        DrillFilter filter = drillParams.filter();
        Page<DrillDown.Row> rows = drillDown.page(selection, drillParams.getDrill(), filter,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        List<SiteSummary> choosable = selections.choosable();
        model.addAttribute("rows", rows.getContent());
        model.addAttribute("pages", PageLinks.of(rows));
        model.addAttribute("list", new DrillView(selection, dashboardParams, drillParams,
                slices.describe(filter, drillParams.getDrill(), selection), choosable, locale));
        return "dashboard/requests";
    }

    /** The field a refused period belongs at: the missing day, or the last day that does not fit the first. */
    private static String periodField(Period.InvalidPeriodException refused, DashboardParams params) {
        if ("dashboard.error.periodDaysRequired".equals(refused.messageKey()) && params.getFrom() == null) {
            return "from";
        }
        return "to";
    }
}
