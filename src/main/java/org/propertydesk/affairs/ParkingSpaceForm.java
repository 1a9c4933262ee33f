package org.propertydesk.affairs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A parking space of a site, numbered as painted on the ground (B1-023).
 */
class ParkingSpaceForm {

    @NotNull
    private Long siteId;

    @NotBlank
    @Size(max = 20)
    @Pattern(regexp = "[A-Za-z0-9\\-]*", message = "{parking.error.numberPattern}")
    private String number;

    @NotNull
    private ParkingSpaceType type = ParkingSpaceType.LEASED;

    @Size(max = 100)
    private String location;

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number == null ? null : number.strip().toUpperCase();
    }

    public ParkingSpaceType getType() {
        return type;
    }

    public void setType(ParkingSpaceType type) {
        this.type = type;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location == null || location.isBlank() ? null : location.strip();
    }
}
