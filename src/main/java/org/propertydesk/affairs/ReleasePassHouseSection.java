package org.propertydesk.affairs;

import org.propertydesk.records.HousePageSection;
import org.springframework.stereotype.Component;

/** The house page lists the house's release passes and starts a new one for it. */
@Component
class ReleasePassHouseSection implements HousePageSection {

    @Override
    public String titleKey() {
        return "pass.section.title";
    }

    @Override
    public String url(long houseId) {
        return "/passes/houses/" + houseId + "/section";
    }
}
