package org.propertydesk.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.propertydesk.records.SiteSummary;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the scorecard page reads besides the figures: the lists behind them and the workbook, both for the same
 * sites and month, and numbers that may be missing.
 */
final class ScorecardView {

    private final Scorecard scorecard;
    private final DashboardParams choice;
    private final List<SiteSummary> chosenSites;

    ScorecardView(Scorecard scorecard, DashboardParams choice, List<SiteSummary> choosable) {
        this.scorecard = scorecard;
        this.choice = choice;
        Set<Long> chosen = Set.copyOf(scorecard.selection().siteIds());
        this.chosenSites = choosable.stream().filter(site -> chosen.contains(site.id())).toList();
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    public Period period() {
        return scorecard.selection().period();
    }

    public List<SiteSummary> chosenSites() {
        return chosenSites;
    }

    public boolean allSites() {
        return choice.getSites().isEmpty();
    }

    public List<String> definitions() {
        return Scorecard.DEFINITIONS;
    }

    /** The requests behind a count: the dashboard's list for the same sites and month. */
    public String link(Dashboard.Count count) {
        return DrillParams.link(DashboardView.LIST_PATH, count, choice);
    }

    public String exportLink() {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(ScorecardController.PATH + "/export");
        choice.getSites().forEach(site -> builder.queryParam("sites", site));
        builder.queryParam("month", YearMonth.from(period().firstDay()).toString());
        return builder.build().encode().toUriString();
    }

    public String percent(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString() + "%";
    }

    public String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }
}
