package org.propertydesk.affairs;

import org.propertydesk.records.CustomerPageSection;
import org.springframework.stereotype.Component;

/** The customer 360 page shows what the household owes, per house it occupies. */
@Component
class FeeCustomerSection implements CustomerPageSection {

    @Override
    public String titleKey() {
        return "fee.section.title";
    }

    @Override
    public String url(long customerId) {
        return "/affairs/fees/customers/" + customerId + "/section";
    }

    @Override
    public int order() {
        return 40;
    }
}
