package org.propertydesk.affairs;

import org.propertydesk.records.HousePageSection;
import org.springframework.stereotype.Component;

/** The house page shows what the house owes, with a link to its bills. */
@Component
class FeeHouseSection implements HousePageSection {

    @Override
    public String titleKey() {
        return "fee.section.title";
    }

    @Override
    public String url(long houseId) {
        return "/affairs/fees/houses/" + houseId + "/section";
    }
}
