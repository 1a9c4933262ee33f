package org.propertydesk.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.export.ExportXlsxWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The scorecard as a workbook: a sheet for the front desk and one for the technicians with the page's figures, each
 * share as count, of and percent, and a sheet saying what each figure counts.
 */
@Component
class ScorecardWorkbook {

    private final MessageSource messages;

    ScorecardWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(Scorecard scorecard, List<SiteSummary> choosable, Locale locale, OutputStream out) throws IOException {
        MonthlyReport.Text text = new MonthlyReport.Text(messages, locale);
        Set<Long> chosen = Set.copyOf(scorecard.selection().siteIds());
        String sites = choosable.stream().filter(site -> chosen.contains(site.id()))
                .map(site -> site.code() + " " + site.name()).collect(Collectors.joining(", "));
        String month = YearMonth.from(scorecard.selection().period().firstDay()).toString();
        try (ExportXlsxWriter writer = new ExportXlsxWriter(out, text.of("scorecard.frontDesk"), scorecard.selection().zone())) {
            heading(writer, text, sites, month);
            writer.row(text.all("scorecard.staff", "scorecard.taken", "scorecard.inquiries", "scorecard.resolvedAtIntake",
                    "scorecard.percent", "scorecard.callbacksDone", "scorecard.callbacksOnTime", "scorecard.percent",
                    "scorecard.ratings", "scorecard.averageStars", "scorecard.ratedLow"));
            for (Scorecard.Desk d : scorecard.frontDesk()) {
                row(writer, d.name(), d.taken().value(), d.firstContactResolution().of().value(),
                        d.firstContactResolution().count().value(), d.firstContactResolution().percent(),
                        d.callbacksOnTime().of().value(), d.callbacksOnTime().count().value(), d.callbacksOnTime().percent(),
                        d.rated().value(), d.averageStars(), d.ratedLow().value());
            }

            writer.sheet(text.of("scorecard.technicians"));
            heading(writer, text, sites, month);
            writer.row(text.all("scorecard.staff", "scorecard.jobs", "scorecard.arrivalTimed", "scorecard.arrivedOnTime",
                    "scorecard.percent", "scorecard.arrivedLate", "scorecard.reopened", "scorecard.percent",
                    "scorecard.ratings", "scorecard.averageStars"));
            for (Scorecard.Technician t : scorecard.technicians()) {
                row(writer, t.name(), t.jobs().value(), t.arrivedOnTime().of().value(), t.arrivedOnTime().count().value(),
                        t.arrivedOnTime().percent(), t.late().value(), t.reopened().count().value(), t.reopened().percent(),
                        t.rated().value(), t.averageStars());
            }

            writer.sheet(text.of("scorecard.definitions"));
            Scorecard.DEFINITIONS.forEach(key -> row(writer, text.of(key)));
        }
    }

    private static void heading(ExportXlsxWriter writer, MonthlyReport.Text text, String sites, String month) {
        row(writer, text.of("scorecard.sites"), sites);
        row(writer, text.of("scorecard.month"), month);
        writer.row(List.of());
    }

    private static void row(ExportXlsxWriter writer, Object... cells) {
        writer.row(Arrays.asList(cells));
    }
}
