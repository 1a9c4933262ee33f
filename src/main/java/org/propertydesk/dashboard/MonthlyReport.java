package org.propertydesk.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.export.ExportXlsxWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly report of one site as a workbook: every figure of the dashboard for the same site and month (the same
 * {@link DashboardQueries#dashboard} call, so the numbers are the page's), the requests received and those breached
 * (the lists behind those figures), the callbacks due and the satisfaction survey results. Written as it is read, so a
 * busy site's month never sits in memory whole.
 */
@Component
class MonthlyReport {

    private final DashboardQueries queries;
    private final DrillDown drillDown;
    private final ReportCallbacks callbacks;
    private final MessageSource messages;

    MonthlyReport(DashboardQueries queries, DrillDown drillDown, ReportCallbacks callbacks, MessageSource messages) {
        this.queries = queries;
        this.drillDown = drillDown;
        this.callbacks = callbacks;
        this.messages = messages;
    }

    void write(Selection selection, SiteSummary site, Locale locale, OutputStream out) throws IOException {
        Dashboard dashboard = queries.dashboard(selection);
        Text text = new Text(messages, locale);
        try (ExportXlsxWriter writer = new ExportXlsxWriter(out, text.of("report.sheet.kpis"), selection.zone())) {
            new KpiSheet(writer, text).write(dashboard, site);

            DrillRows rows = new DrillRows(messages, locale);
            writer.sheet(text.of("report.sheet.requests"));
            writer.row(rows.header());
            drillDown.each(selection, Drill.RECEIVED, DrillFilter.NONE, row -> rows.write(writer, row));
            writer.sheet(text.of("report.sheet.breaches"));
            writer.row(rows.header());
            drillDown.each(selection, Drill.BREACHED, DrillFilter.NONE, row -> rows.write(writer, row));

            writer.sheet(text.of("report.sheet.callbacks"));
            writer.row(text.all("request.number", "report.callback.dueAt", "report.callback.status",
                    "report.callback.closedAt", "report.callback.closedBy", "report.callback.solved",
                    "report.callback.satisfaction", "report.callback.comment"));
            callbacks.each(selection, callback -> row(writer, callback.requestNumber(), callback.dueAt(),
                    text.of("callback.status." + callback.status()), callback.closedAt(), callback.closedBy(),
                    callback.solved() == null ? null : text.yesNo(callback.solved()),
                    callback.satisfaction() == null ? null : text.of("callback.satisfaction." + callback.satisfaction()),
                    callback.comment()));

            writer.sheet(text.of("report.sheet.survey"));
            writer.row(KpiSheet.satisfactionHeader(text));
            for (Dashboard.IndexPoint point : dashboard.satisfaction()) {
                writer.row(KpiSheet.satisfactionRow(point, dashboard.nationalIndex(), text));
            }
        }
    }

    private static void row(ExportXlsxWriter writer, Object... cells) {
        writer.row(Arrays.asList(cells));
    }

    /** Messages in the reader's language. */
    record Text(MessageSource messages, Locale locale) {

        String of(String key) {
            return messages.getMessage(key, null, locale);
        }

        List<String> all(String... keys) {
            return Arrays.stream(keys).map(this::of).toList();
        }

        String yesNo(boolean yes) {
            return of(yes ? "export.yes" : "export.no");
        }

        String kind(Object kind) {
            return kind == null ? of("report.allKinds") : of("request.kind." + kind);
        }

        boolean chinese() {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        }
    }

    /**
     * The KPI sheet: blocks of figures, each with its own header row and a blank row after it. The first block has a
     * row per count or share (figure, detail, value, of, percent); times, technicians, the satisfaction index and the
     * figures over time have their own columns.
     */
    static final class KpiSheet {

        private final ExportXlsxWriter writer;
        private final Text text;

        KpiSheet(ExportXlsxWriter writer, Text text) {
            this.writer = writer;
            this.text = text;
        }

        void write(Dashboard d, SiteSummary site) {
            Period period = d.selection().period();
            row(text.of("report.site"), site.code() + " " + site.name());
            row(text.of("report.period"), period.firstDay(), period.lastDay());
            row(text.of("report.readAt"), d.selection().now());
            blank();

            header("report.kpi.figure", "report.kpi.detail", "report.kpi.value", "report.kpi.of", "report.kpi.percent");
            count("report.kpi.received", null, d.volume().received());
            d.volume().byKind().forEach(slice -> count("report.kpi.receivedByKind", text.kind(slice.code()), slice.count()));
            d.volume().byCategory().forEach(slice -> count("report.kpi.receivedByCategory",
                    text.chinese() ? slice.nameZh() : slice.nameEn(), slice.count()));
            d.volume().byChannel().forEach(slice -> count("report.kpi.receivedByChannel",
                    text.of("request.channel." + slice.code()), slice.count()));
            for (Dashboard.Stage stage : d.stages()) {
                String name = text.of("report.stage." + stage.target());
                row(text.of("report.kpi.stageOnTime"), name, stage.onTime().value(),
                        stage.onTime().value() + stage.breached().value(), stage.onTimePercent());
                count("report.kpi.stageBreached", name, stage.breached());
            }
            count("report.kpi.breaches", null, d.breaches());
            Dashboard.Backlog backlog = d.backlog();
            count("report.kpi.backlog", text.of("report.backlog.total"), backlog.total());
            count("report.kpi.backlog", text.of("report.backlog.underOneDay"), backlog.underOneDay());
            count("report.kpi.backlog", text.of("report.backlog.oneToThreeDays"), backlog.oneToThreeDays());
            count("report.kpi.backlog", text.of("report.backlog.threeToSevenDays"), backlog.threeToSevenDays());
            count("report.kpi.backlog", text.of("report.backlog.overSevenDays"), backlog.overSevenDays());
            rate("report.kpi.firstContactResolution", d.firstContactResolution());
            rate("report.kpi.followUps", d.followUps());
            rate("report.kpi.reopened", d.reopened());
            rate("report.kpi.repeats", d.repeats());
            d.houseHotspots().forEach(h -> count("report.kpi.houseRepeats", h.code(), h.repeats()));
            d.buildingHotspots().forEach(b -> count("report.kpi.buildingRepeats",
                    b.name() == null ? b.code() : b.code() + " " + b.name(), b.repeats()));
            rate("report.kpi.promisesKept", d.promisesKept());
            count("report.kpi.complaints", null, d.complaints().count());
            row(text.of("report.kpi.households"), null, d.complaints().households());
            row(text.of("report.kpi.complaintsPer100Households"), null, d.complaints().per100Households());
            rate("report.kpi.escalations", d.escalations());
            Dashboard.Callbacks callbacks = d.callbacks();
            count("report.kpi.callbacksDue", null, callbacks.due());
            rate("report.kpi.callbacksOnTime", callbacks.onTime());
            count("report.kpi.callbacksLate", null, callbacks.late());
            rate("report.kpi.callbacksUnreachable", callbacks.unreachable());
            rate("report.kpi.callbacksSatisfied", callbacks.satisfied());
            count("report.kpi.callbacksUnsatisfied", null, callbacks.unsatisfied());
            Dashboard.Ratings ratings = d.ratings();
            count("report.kpi.rated", null, ratings.rated());
            row(text.of("report.kpi.averageStars"), null, ratings.averageStars());
            row(text.of("report.kpi.ratingIndex"), null, ratings.index());
            count("report.kpi.lowRatings", null, ratings.low());
            blank();

            header("report.kpi.figure", "request.kind", "report.time.measured", "report.time.mean", "report.time.median",
                    "report.time.p90", "report.time.onTime", "report.kpi.of", "report.kpi.percent");
            d.responses().forEach(t -> timing("report.time.response", t));
            timing("report.time.arrival", d.arrival());
            d.resolutions().forEach(t -> timing("report.time.resolution", t));
            blank();

            header("report.technician.name", "report.technician.jobs", "report.technician.arrivedOnTime",
                    "report.kpi.of", "report.kpi.percent", "report.technician.late", "report.kpi.averageStars",
                    "report.technician.ratings", "report.technician.reopened", "report.kpi.percent");
            for (Dashboard.TechnicianFigures t : d.technicians()) {
                row(t.name(), t.jobs().value(), t.arrivedOnTime().count().value(), t.arrivedOnTime().of().value(),
                        t.arrivedOnTime().percent(), t.late().value(), t.averageStars(), t.ratings(),
                        t.reopened().count().value(), t.reopened().percent());
            }
            blank();

            writer.row(satisfactionHeader(text));
            latestQuestionnaire(d.satisfaction()).forEach(p -> writer.row(satisfactionRow(p, d.nationalIndex(), text)));
            blank();

            header("report.overTime.start", "request.kind.INQUIRY", "request.kind.REPAIR", "request.kind.COMPLAINT",
                    "report.overTime.total");
            d.volume().overTime().forEach(b -> row(b.start(), b.inquiries(), b.repairs(), b.complaints(), b.total()));
            blank();

            header("report.overTime.start", "report.technician.ratings", "report.kpi.ratingIndex");
            d.ratings().trend().forEach(p -> row(p.start(), p.ratings(), p.index()));
        }

        static List<String> satisfactionHeader(Text text) {
            return text.all("report.survey.questionnaire", "report.survey.opensOn", "report.survey.line",
                    "report.survey.index", "report.survey.ratings", "report.survey.national");
        }

        static List<Object> satisfactionRow(Dashboard.IndexPoint point, BigDecimal national, Text text) {
            return Arrays.asList(point.title(), point.opensOn(),
                    point.line() == null ? text.of("report.allLines") : text.of("survey.line." + point.line()),
                    point.index(), point.ratings(), national);
        }

        /** The index per service line of the latest questionnaire; the trend is oldest first. */
        private static List<Dashboard.IndexPoint> latestQuestionnaire(List<Dashboard.IndexPoint> points) {
            if (points.isEmpty()) {
                return List.of();
            }
            long latest = points.get(points.size() - 1).questionnaireId();
            return points.stream().filter(p -> p.questionnaireId() == latest).toList();
        }

        private void timing(String label, Dashboard.Timing t) {
            row(text.of(label), text.kind(t.kind()), t.measured(), t.mean(), t.median(), t.p90(),
                    t.onTime().count().value(), t.onTime().of().value(), t.onTime().percent());
        }

        private void count(String label, String detail, Dashboard.Count count) {
            row(text.of(label), detail, count.value());
        }

        private void rate(String label, Dashboard.Rate rate) {
            row(text.of(label), null, rate.count().value(), rate.of().value(), rate.percent());
        }

        private void header(String... keys) {
            writer.row(text.all(keys));
        }

        private void blank() {
            writer.row(List.of());
        }

        private void row(Object... cells) {
            writer.row(Arrays.asList(cells));
        }
    }
}
