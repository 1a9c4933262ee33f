package org.propertydesk.incidents;

import org.propertydesk.requests.RequestPageSection;
import org.springframework.stereotype.Component;

/** The request page shows the incident the request is linked to, or links it to an active one of its site. */
@Component
class IncidentRequestSection implements RequestPageSection {

    @Override
    public String titleKey() {
        return "incident.section.title";
    }

    @Override
    public String url(long requestId) {
        return "/incidents/requests/" + requestId + "/section";
    }

    @Override
    public int order() {
        return 5;
    }
}
