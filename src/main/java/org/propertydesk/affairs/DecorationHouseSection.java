package org.propertydesk.affairs;

import org.propertydesk.records.HousePageSection;
import org.springframework.stereotype.Component;

/** The house page shows the house's decorations, open ones first, with the way to register one. */
@Component
class DecorationHouseSection implements HousePageSection {

    @Override
    public String titleKey() {
        return "decoration.section";
    }

    @Override
    public String url(long houseId) {
        return "/affairs/decorations/houses/" + houseId + "/section";
    }
}
