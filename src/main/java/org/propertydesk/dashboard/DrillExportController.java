package org.propertydesk.dashboard;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportRefusedException;
import org.propertydesk.shared.export.ExportWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list behind a dashboard figure as CSV or .xlsx: the same parameters as the list page, so the file holds exactly
 * the requests the page lists, streamed as they are read.
 */
@Controller
@PreAuthorize(Selections.READERS)
class DrillExportController {

    private final Selections selections;
    private final DrillDown drillDown;
    private final MessageSource messages;

    DrillExportController(Selections selections, DrillDown drillDown, MessageSource messages) {
        this.selections = selections;
        this.drillDown = drillDown;
        this.messages = messages;
    }

    @GetMapping("/dashboard/requests/export")
    void export(@ModelAttribute DashboardParams choice, BindingResult choiceBinding, @ModelAttribute DrillParams drill,
            BindingResult drillBinding, @RequestParam(required = false) String format, Locale locale,
            HttpServletResponse response) throws IOException {
        if (choiceBinding.hasErrors() || drillBinding.hasErrors()) {
            throw new ExportRefusedException("export.error.choice");
        }
        ExportFormat chosen = ExportFormat.of(format)
                .orElseThrow(() -> new ExportRefusedException("export.error.format"));
        Selection selection = resolve(selections, choice);
        Period period = selection.period();
        response.setContentType(chosen.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, chosen.attachment("requests-" + fileName(drill.getDrill())
                + "-" + period.firstDay() + "-" + period.lastDay()));
        DrillRows rows = new DrillRows(messages, locale);
        try (ExportWriter writer = ExportWriter.open(chosen, response.getOutputStream(),
                messages.getMessage("export.sheet.requests", null, locale), selection.zone())) {
            writer.row(rows.header());
            drillDown.each(selection, drill.getDrill(), drill.filter(), row -> rows.write(writer, row));
        }
    }

    /** The reader's selection; a refused period refuses the download. */
    static Selection resolve(Selections selections, DashboardParams choice) {
        try {
            return selections.resolve(choice);
        } catch (Period.InvalidPeriodException refused) {
            throw new ExportRefusedException(refused.messageKey());
        }
    }

    private static String fileName(Drill drill) {
        return drill.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
