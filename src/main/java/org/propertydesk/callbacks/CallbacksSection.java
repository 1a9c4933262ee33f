package org.propertydesk.callbacks;

import org.propertydesk.requests.RequestPageSection;
import org.springframework.stereotype.Component;

/** The request page shows the request's callbacks and rating, after its work orders. */
@Component
class CallbacksSection implements RequestPageSection {

    @Override
    public String titleKey() {
        return "callback.section";
    }

    @Override
    public String url(long requestId) {
        return "/callbacks/requests/" + requestId + "/section";
    }

    @Override
    public int order() {
        return 20;
    }
}
