package org.propertydesk.shared.time;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The zone in which instants are shown and in which "today" is meant; instants are stored in UTC.
 */
@ConfigurationProperties("propertydesk")
record DisplayZoneProperties(ZoneId displayZone) {

    DisplayZoneProperties {
        if (displayZone == null) {
            displayZone = ZoneId.of("Asia/Shanghai");
        }
    }

    ZoneId zone() {
        return displayZone;
    }
}
