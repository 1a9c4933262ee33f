package org.propertydesk.incidents;

import org.propertydesk.dashboard.DashboardParams;
import org.propertydesk.dashboard.Period;
import org.propertydesk.dashboard.Selection;
import org.propertydesk.dashboard.Selections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The dashboard's incident section, over the same sites and period the dashboard shows. */
@Controller
@PreAuthorize(Selections.READERS)
class IncidentDashboardController {

    private final IncidentService incidents;
    private final Selections selections;

    IncidentDashboardController(IncidentService incidents, Selections selections) {
        this.incidents = incidents;
        this.selections = selections;
    }

    @GetMapping(IncidentDashboardSection.PATH)
    String section(@ModelAttribute("params") DashboardParams params, Model model) {
        Selection selection;
        try {
            selection = selections.resolve(params);
        } catch (Period.InvalidPeriodException refused) {
            model.addAttribute("periodError", refused.messageKey());
            return "incidents/dashboard :: section";
        }
        model.addAttribute("figures", incidents.dashboard(selection.siteIds(), selection.period().from(),
                selection.period().to(), selection.period().asOf(selection.now())));
        return "incidents/dashboard :: section";
    }
}
