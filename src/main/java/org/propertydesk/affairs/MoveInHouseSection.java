package org.propertydesk.affairs;

import org.propertydesk.records.HousePageSection;
import org.springframework.stereotype.Component;

/** The house page shows the house's move-in handovers, with the way to record one. */
@Component
class MoveInHouseSection implements HousePageSection {

    @Override
    public String titleKey() {
        return "movein.section";
    }

    @Override
    public String url(long houseId) {
        return "/affairs/move-in/houses/" + houseId + "/section";
    }
}
