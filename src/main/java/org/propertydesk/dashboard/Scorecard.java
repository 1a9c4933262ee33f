package org.propertydesk.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The staff appraisal (考核表) of a month for the selected sites: a row per front-desk person and per technician, every
 * count with the {@link Drill} and staff filter that list the requests behind it.
 */
public record Scorecard(Selection selection, List<Desk> frontDesk, List<Technician> technicians) {

    /**
     * A front-desk person: requests taken at the desk (not self-service) received in the month, first-contact
     * resolution of the inquiries among them, callbacks due in the month they completed and how many on time, and the
     * owners' ratings given in the month of requests they are the handler (负责人) of.
     */
    public record Desk(long staffId, String name, Dashboard.Count taken, Dashboard.Rate firstContactResolution,
            Dashboard.Rate callbacksOnTime, Dashboard.Count rated, BigDecimal averageStars, Dashboard.Count ratedLow) {
    }

    /**
     * A technician, as the dashboard counts them: requests with a job completed in the month, arrivals on time among
     * those with an arrival target, jobs sent back on reopening, and the owners' ratings of those requests.
     */
    public record Technician(long staffId, String name, Dashboard.Count jobs, Dashboard.Rate arrivedOnTime,
            Dashboard.Count late, Dashboard.Rate reopened, Dashboard.Count rated, BigDecimal averageStars) {
    }

    /** What each figure counts, as message keys: the page's notes and the workbook's last sheet. */
    static final List<String> DEFINITIONS = List.of(
            "scorecard.definition.taken",
            "scorecard.definition.firstContactResolution",
            "scorecard.definition.callbacksOnTime",
            "scorecard.definition.deskRatings",
            "scorecard.definition.jobs",
            "scorecard.definition.arrivedOnTime",
            "scorecard.definition.reopened",
            "scorecard.definition.technicianRatings");
}
