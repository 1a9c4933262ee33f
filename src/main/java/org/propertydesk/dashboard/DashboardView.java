package org.propertydesk.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.propertydesk.records.SiteSummary;
import org.propertydesk.surveys.SatisfactionTrend;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the dashboard template reads besides the figures: the links behind them, names in the reader's language,
 * numbers that may be missing, the satisfaction trend as a table, and the charts' data with translated labels.
 */
final class DashboardView {

    static final String LIST_PATH = "/dashboard/requests";

    /** One chart: Chart.js type, the labels along its axis, its series; {@code max} caps the value axis (percentages). */
    public record Chart(String type, List<String> labels, List<Series> datasets, boolean stacked, Integer max) {
    }

    /** One series of a chart; a reference series (the national index) is drawn as a dashed line. */
    public record Series(String label, List<? extends Number> data, boolean reference) {
    }

    /** The satisfaction index per service line (null: all lines) over the latest questionnaires, oldest first. */
    public record SatisfactionTable(List<Dashboard.IndexPoint> questionnaires, List<LineRow> rows) {
    }

    public record LineRow(String line, List<BigDecimal> indexes) {
    }

    private final Dashboard dashboard;
    private final DashboardParams choice;
    private final List<SiteSummary> chosenSites;
    private final MessageSource messages;
    private final Locale locale;
    private final SatisfactionTable satisfaction;

    DashboardView(Dashboard dashboard, DashboardParams choice, List<SiteSummary> choosable, MessageSource messages,
            Locale locale) {
        this.dashboard = dashboard;
        this.choice = choice;
        Set<Long> chosen = Set.copyOf(dashboard.selection().siteIds());
        this.chosenSites = choosable.stream().filter(site -> chosen.contains(site.id())).toList();
        this.messages = messages;
        this.locale = locale;
        this.satisfaction = satisfactionTable(dashboard.satisfaction());
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public Period period() {
        return dashboard.selection().period();
    }

    /** The moment the backlog is counted at. */
    public Instant asOf() {
        return dashboard.selection().asOf();
    }

    public List<SiteSummary> chosenSites() {
        return chosenSites;
    }

    /** Whether the reader left the sites open: the figures cover every site they serve. */
    public boolean allSites() {
        return choice.getSites().isEmpty();
    }

    /** The list of requests behind a count, for the same choice of sites and period. */
    public String link(Dashboard.Count count) {
        return DrillParams.link(LIST_PATH, count, choice);
    }

    /** The monthly report's link, offered for one site and a month; null otherwise. */
    public String reportLink() {
        Selection selection = dashboard.selection();
        if (selection.siteIds().size() != 1 || period().preset() != Period.Preset.MONTH) {
            return null;
        }
        return UriComponentsBuilder.fromPath("/dashboard/report").queryParam("sites", selection.siteIds().get(0))
                .queryParam("month", YearMonth.from(period().firstDay()).toString()).build().encode().toUriString();
    }

    /** A share as shown: "—" when there was nothing to share. */
    public String percent(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString() + "%";
    }

    public String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    /** A category's name in the reader's language. */
    public String name(Dashboard.Slice slice) {
        return chinese(locale) ? slice.nameZh() : slice.nameEn();
    }

    public SatisfactionTable satisfaction() {
        return satisfaction;
    }

    static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    /**
     * The charts' data as JSON for a {@code <script type="application/json">} block. Characters that could end the
     * block or start markup are escaped (JSON allows that inside strings, and they occur nowhere else).
     */
    String chartJson(JsonMapper json) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        Dashboard.Volume volume = dashboard.volume();
        List<String> buckets = volume.overTime().stream().map(b -> bucketLabel(b.start(), volume.bucket())).toList();
        charts.put("volume", new Chart("bar", buckets, List.of(
                new Series(text("request.kind.INQUIRY"), volume.overTime().stream().map(Dashboard.Bucket::inquiries).toList(), false),
                new Series(text("request.kind.REPAIR"), volume.overTime().stream().map(Dashboard.Bucket::repairs).toList(), false),
                new Series(text("request.kind.COMPLAINT"), volume.overTime().stream().map(Dashboard.Bucket::complaints).toList(), false)),
                true, null));
        charts.put("categories", new Chart("bar", volume.byCategory().stream().map(this::name).toList(),
                List.of(new Series(text("dashboard.received"), counts(volume.byCategory()), false)), false, null));
        charts.put("channels", new Chart("doughnut",
                volume.byChannel().stream().map(s -> text("request.channel." + s.code())).toList(),
                List.of(new Series(text("dashboard.received"), counts(volume.byChannel()), false)), false, null));
        List<Dashboard.Timing> responses = dashboard.responses();
        charts.put("response", new Chart("bar", responses.stream().map(this::kindLabel).toList(), List.of(
                new Series(text("dashboard.time.mean"), timings(responses, Dashboard.Timing::mean), false),
                new Series(text("dashboard.time.median"), timings(responses, Dashboard.Timing::median), false),
                new Series(text("dashboard.time.p90"), timings(responses, Dashboard.Timing::p90), false)), false, null));
        charts.put("stages", new Chart("bar", dashboard.stages().stream().map(s -> text("dashboard.stage." + s.target())).toList(),
                List.of(new Series(text("dashboard.onTimePercent"),
                        dashboard.stages().stream().map(Dashboard.Stage::onTimePercent).toList(), false)), false, 100));
        Dashboard.Backlog backlog = dashboard.backlog();
        charts.put("backlog", new Chart("bar", List.of(text("dashboard.backlog.under1"), text("dashboard.backlog.1to3"),
                text("dashboard.backlog.3to7"), text("dashboard.backlog.over7")),
                List.of(new Series(text("dashboard.backlog.open"), List.of(backlog.underOneDay().value(),
                        backlog.oneToThreeDays().value(), backlog.threeToSevenDays().value(), backlog.overSevenDays().value()),
                        false)), false, null));
        List<Dashboard.RatingPoint> trend = dashboard.ratings().trend();
        charts.put("ratings", new Chart("line", trend.stream().map(p -> bucketLabel(p.start(), volume.bucket())).toList(), List.of(
                new Series(text("dashboard.ratings.index"), trend.stream().map(Dashboard.RatingPoint::index).toList(), false),
                new Series(text("dashboard.national"), Collections.nCopies(trend.size(), dashboard.nationalIndex()), true)),
                false, 100));
        List<Series> lines = new ArrayList<>();
        for (LineRow row : satisfaction.rows()) {
            lines.add(new Series(lineLabel(row.line()), row.indexes(), false));
        }
        lines.add(new Series(text("dashboard.national"),
                Collections.nCopies(satisfaction.questionnaires().size(), dashboard.nationalIndex()), true));
        charts.put("satisfaction", new Chart("line",
                satisfaction.questionnaires().stream().map(Dashboard.IndexPoint::title).toList(), lines, false, 100));
        return json.writeValueAsString(charts).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static List<Long> counts(List<Dashboard.Slice> slices) {
        return slices.stream().map(s -> s.count().value()).toList();
    }

    private static List<BigDecimal> timings(List<Dashboard.Timing> timings, Function<Dashboard.Timing, BigDecimal> value) {
        return timings.stream().map(value).toList();
    }

    private String kindLabel(Dashboard.Timing timing) {
        return timing.kind() == null ? text("dashboard.allKinds") : text("request.kind." + timing.kind());
    }

    private String lineLabel(String line) {
        return line == null ? text("dashboard.satisfaction.allLines") : text("survey.line." + line);
    }

    private static String bucketLabel(LocalDate start, String bucket) {
        return "month".equals(bucket) ? YearMonth.from(start).toString() : start.toString();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Questionnaires as columns, service lines as rows: all lines first, then the lines in the surveys' order. */
    private static SatisfactionTable satisfactionTable(List<Dashboard.IndexPoint> points) {
        Map<Long, Dashboard.IndexPoint> questionnaires = new LinkedHashMap<>();
        Map<String, Map<Long, BigDecimal>> byLine = new HashMap<>();
        for (Dashboard.IndexPoint point : points) {
            questionnaires.putIfAbsent(point.questionnaireId(), point);
            byLine.computeIfAbsent(point.line() == null ? "" : point.line(), l -> new HashMap<>())
                    .put(point.questionnaireId(), point.index());
        }
        List<String> order = new ArrayList<>();
        order.add("");
        order.addAll(SatisfactionTrend.lines());
        List<LineRow> rows = order.stream().filter(byLine::containsKey)
                .map(line -> new LineRow(line.isEmpty() ? null : line, questionnaires.keySet().stream()
                        .map(id -> byLine.get(line).get(id)).toList()))
                .toList();
        return new SatisfactionTable(List.copyOf(questionnaires.values()), rows);
    }
}
