package org.propertydesk.affairs;

import org.propertydesk.records.HousePageSection;
import org.springframework.stereotype.Component;

/** The house page shows the parking spaces the household holds or held. */
@Component
class ParkingHouseSection implements HousePageSection {

    @Override
    public String titleKey() {
        return "parking.section";
    }

    @Override
    public String url(long houseId) {
        return "/affairs/parking/houses/" + houseId + "/section";
    }
}
