package org.propertydesk.incidents;

import org.propertydesk.dashboard.DashboardSection;
import org.springframework.stereotype.Component;

/** The manager dashboard lists the incidents of its sites and period, with how long each lasted and calls absorbed. */
@Component
class IncidentDashboardSection implements DashboardSection {

    static final String PATH = "/incidents/dashboard";

    @Override
    public String titleKey() {
        return "incident.dashboard.title";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int order() {
        return 50;
    }
}
