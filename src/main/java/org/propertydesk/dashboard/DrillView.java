package org.propertydesk.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.propertydesk.records.SiteSummary;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the list behind a figure shows around its rows: which figure and slice, for which sites and period, the way
 * back to the dashboard and the links to its exports, all with the same choice.
 */
final class DrillView {

    private final Selection selection;
    private final DashboardParams choice;
    private final DrillParams drill;
    private final DrillSlices.Described slice;
    private final List<SiteSummary> chosenSites;
    private final Locale locale;

    DrillView(Selection selection, DashboardParams choice, DrillParams drill, DrillSlices.Described slice,
            List<SiteSummary> choosable, Locale locale) {
        this.selection = selection;
        this.choice = choice;
        this.drill = drill;
        this.slice = slice;
        Set<Long> chosen = Set.copyOf(selection.siteIds());
        this.chosenSites = choosable.stream().filter(site -> chosen.contains(site.id())).toList();
        this.locale = locale;
    }

    public Period period() {
        return selection.period();
    }

    public List<SiteSummary> chosenSites() {
        return chosenSites;
    }

    public boolean allSites() {
        return choice.getSites().isEmpty();
    }

    public DrillSlices.Described slice() {
        return slice;
    }

    /** The slice's category in the reader's language, or null when the list is not narrowed to one. */
    public String category() {
        return DashboardView.chinese(locale) ? slice.categoryZh() : slice.categoryEn();
    }

    /** A row's category in the reader's language. */
    public String category(DrillDown.Row row) {
        return DashboardView.chinese(locale) ? row.categoryZh() : row.categoryEn();
    }

    /** The same list as a file: {@code csv} or {@code xlsx}. */
    public String exportLink(String format) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(DashboardView.LIST_PATH + "/export")
                .queryParam("format", format);
        drill.addTo(builder);
        choice.addTo(builder);
        return builder.build().encode().toUriString();
    }
}
