package org.propertydesk.dashboard;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportRefusedException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The monthly report of one site: {@code sites} names exactly one site the reader serves, {@code month} (yyyy-MM) the
 * month, last month without one.
 */
@Controller
@PreAuthorize(Selections.READERS)
class MonthlyReportController {

    private final Selections selections;
    private final MonthlyReport report;

    MonthlyReportController(Selections selections, MonthlyReport report) {
        this.selections = selections;
        this.report = report;
    }

    @GetMapping("/dashboard/report")
    void report(@ModelAttribute DashboardParams choice, BindingResult binding, Locale locale,
            HttpServletResponse response) throws IOException {
        if (binding.hasErrors()) {
            throw new ExportRefusedException("report.error.month");
        }
        if (choice.getSites().stream().distinct().count() != 1) {
            throw new ExportRefusedException("report.error.oneSite");
        }
        choice.setPeriod(Period.Preset.MONTH);
        Selection selection = DrillExportController.resolve(selections, choice);
        long siteId = selection.siteIds().get(0);
        SiteSummary site = selections.choosable().stream().filter(s -> s.id() == siteId).findFirst()
                .orElseThrow(() -> new NotFoundException("site", siteId));
        ExportFormat format = ExportFormat.XLSX;
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                format.attachment("report-" + site.code() + "-" + YearMonth.from(selection.period().firstDay())));
        report.write(selection, site, locale, response.getOutputStream());
    }
}
