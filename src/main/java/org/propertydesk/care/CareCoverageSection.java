package org.propertydesk.care;

import org.propertydesk.dashboard.DashboardParams;
import org.propertydesk.dashboard.DashboardSection;
import org.propertydesk.dashboard.Period;
import org.propertydesk.dashboard.Selection;
import org.propertydesk.dashboard.Selections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The dashboard's care section: coverage per selected site over the programme rounds in the period, and how
 * cared-for households rate the service beside the others.
 */
@Component
class CareCoverageSection implements DashboardSection {

    @Override
    public String titleKey() {
        return "care.coverage.section";
    }

    @Override
    public String path() {
        return "/care/dashboard";
    }

    @Override
    public int order() {
        return 20;
    }

    @Controller
    @PreAuthorize(Selections.READERS)
    static class Fragment {

        private final Selections selections;
        private final CareCoverage coverage;

        Fragment(Selections selections, CareCoverage coverage) {
            this.selections = selections;
            this.coverage = coverage;
        }

        @GetMapping("/care/dashboard")
        String section(@ModelAttribute("params") DashboardParams params, Model model) {
            Selection selection;
            try {
                selection = selections.resolve(params);
            } catch (Period.InvalidPeriodException refused) {
                model.addAttribute("refusal", refused.messageKey());
                return "care/programmes/dashboard-section";
            }
            model.addAttribute("sites", coverage.perSite(selection));
            model.addAttribute("satisfaction", coverage.satisfaction(selection));
            model.addAttribute("period", selection.period());
            return "care/programmes/dashboard-section";
        }
    }
}
