package org.propertydesk.dashboard;

import java.util.List;
import java.util.Set;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns a reader's choice into a {@link Selection} they may see: chosen sites outside their scope are not theirs to
 * choose and answer "not found"; no choice means every site they serve.
 */
@Component
public class Selections {

    /** Who reads dashboards and reports: managers of their sites, administrators of all. */
    public static final String READERS = "hasAnyRole('ADMIN','MANAGER')";

    private final SiteDirectory sites;
    private final Dates dates;

    Selections(SiteDirectory sites, Dates dates) {
        this.sites = sites;
        this.dates = dates;
    }

    /** The sites the current reader may choose from, by code. */
    public List<SiteSummary> choosable() {
        return sites.visibleIn(CurrentUser.siteScope());
    }

    /**
     * The selection for these parameters. A refused period throws {@link Period.InvalidPeriodException}; a site the
     * reader may not see, or a reader without any site, {@link NotFoundException}.
     */
    public Selection resolve(DashboardParams params) {
        Period period = Period.of(params.getPeriod(), params.getMonth(), params.getFrom(), params.getTo(), dates.today(),
                dates.zone());
        return new Selection(siteIds(params.getSites()), period, dates.now(), dates.zone());
    }

    /** The selection for one site and a period already made. */
    public Selection resolve(List<Long> chosen, Period period) {
        return new Selection(siteIds(chosen), period, dates.now(), dates.zone());
    }

    private List<Long> siteIds(List<Long> chosen) {
        List<Long> visible = choosable().stream().map(SiteSummary::id).toList();
        if (visible.isEmpty()) {
            throw new NotFoundException("site", "any");
        }
        if (chosen.isEmpty()) {
            return visible;
        }
        Set<Long> allowed = Set.copyOf(visible);
        List<Long> distinct = chosen.stream().distinct().toList();
        if (!allowed.containsAll(distinct)) {
            throw new NotFoundException("site", distinct);
        }
        return distinct;
    }

}
