package org.propertydesk.dashboard;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportRefusedException;
import org.propertydesk.shared.time.Dates;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The staff scorecard of a month: {@code month} (yyyy-MM, last month without one, not one still to come) and
 * {@code sites} as on the dashboard; the page with every figure linking to its list, and the same as a workbook.
 */
@Controller
@RequestMapping(ScorecardController.PATH)
@PreAuthorize(Selections.READERS)
class ScorecardController {

    static final String PATH = "/dashboard/scorecard";

    private final Selections selections;
    private final ScorecardQueries queries;
    private final ScorecardWorkbook workbook;
    private final Dates dates;

    ScorecardController(Selections selections, ScorecardQueries queries, ScorecardWorkbook workbook, Dates dates) {
        this.selections = selections;
        this.queries = queries;
        this.workbook = workbook;
        this.dates = dates;
    }

    /** A month the form cannot take comes back to the form with the reason at the field, and no figures. */
    @GetMapping
    String scorecard(@ModelAttribute("scorecardParams") DashboardParams params, BindingResult binding, Model model) {
        List<SiteSummary> choosable = selections.choosable();
        model.addAttribute("sites", choosable);
        String refused = refusal(params, binding);
        if (refused != null) {
            model.addAttribute("monthError", refused);
            return "dashboard/scorecard";
        }
        if (binding.hasErrors()) {
            return "dashboard/scorecard";
        }
        Scorecard scorecard = queries.scorecard(selections.resolve(params));
        model.addAttribute("view", new ScorecardView(scorecard, params, choosable));
        return "dashboard/scorecard";
    }

    @GetMapping("/export")
    void export(@ModelAttribute("scorecardParams") DashboardParams params, BindingResult binding, Locale locale,
            HttpServletResponse response) throws IOException {
        String refused = refusal(params, binding);
        if (refused != null) {
            throw new ExportRefusedException(refused);
        }
        if (binding.hasErrors()) {
            throw new ExportRefusedException("export.error.choice");
        }
        Selection selection = selections.resolve(params);
        ExportFormat format = ExportFormat.XLSX;
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                format.attachment("scorecard-" + YearMonth.from(selection.period().firstDay())));
        workbook.write(queries.scorecard(selection), selections.choosable(), locale, response.getOutputStream());
    }

    /**
     * Why the month cannot be shown (a message key), or null after settling the choice on it: a month that is not
     * one, or one that has not begun. Without a month it is last month's.
     */
    private String refusal(DashboardParams params, BindingResult binding) {
        if (binding.hasFieldErrors("month")) {
            return "scorecard.error.month";
        }
        YearMonth current = YearMonth.from(dates.today());
        YearMonth month = params.getMonth() == null ? current.minusMonths(1) : params.getMonth();
        if (month.isAfter(current)) {
            return "scorecard.error.monthToCome";
        }
        params.setMonth(month);
        params.setPeriod(Period.Preset.MONTH);
        params.setFrom(null);
        params.setTo(null);
        return null;
    }
}
