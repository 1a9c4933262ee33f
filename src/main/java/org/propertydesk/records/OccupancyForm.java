package org.propertydesk.records;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Moving a customer into a house, named as the front desk says it (site and 3-2-1502).
 */
class OccupancyForm {

    @NotNull
    private Long siteId;

    @NotBlank
    @Size(max = 50)
    private String houseCode;

    @NotNull
    private OccupancyRole role = OccupancyRole.OWNER;

    @NotNull
    private LocalDate startDate;

    private boolean primaryContact;

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public String getHouseCode() {
        return houseCode;
    }

    public void setHouseCode(String houseCode) {
        this.houseCode = houseCode == null ? null : houseCode.trim();
    }

    public OccupancyRole getRole() {
        return role;
    }

    public void setRole(OccupancyRole role) {
        this.role = role;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public boolean isPrimaryContact() {
        return primaryContact;
    }

    public void setPrimaryContact(boolean primaryContact) {
        this.primaryContact = primaryContact;
    }
}
