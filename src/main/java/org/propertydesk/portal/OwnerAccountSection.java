package org.propertydesk.portal;

import org.propertydesk.records.CustomerPageSection;
import org.springframework.stereotype.Component;

/** The customer 360 page shows the customer's portal account, where the front desk issues codes and switches it off. */
@Component
class OwnerAccountSection implements CustomerPageSection {

    @Override
    public String titleKey() {
        return "portal.account.section";
    }

    @Override
    public String url(long customerId) {
        return "/owner-accounts/customers/" + customerId;
    }

    @Override
    public int order() {
        return 50;
    }
}
