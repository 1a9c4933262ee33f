package org.propertydesk.dispatch;

import org.propertydesk.requests.RequestPageSection;
import org.springframework.stereotype.Component;

/** The request page shows the request's work orders, and to dispatchers, who could take it. */
@Component
class WorkOrdersSection implements RequestPageSection {

    @Override
    public String titleKey() {
        return "dispatch.workOrders";
    }

    @Override
    public String url(long requestId) {
        return "/dispatch/requests/" + requestId + "/work-orders";
    }

    @Override
    public int order() {
        return 10;
    }
}
