package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.propertydesk.records.OccupancyRole;

/**
 * The move-in checklist as the front desk fills it in with the new occupant at the counter.
 */
class MoveInForm {

    /** The roles a handover starts; family members and other occupants are added on the customer page. */
    static final Set<OccupancyRole> ROLES = EnumSet.of(OccupancyRole.OWNER, OccupancyRole.CO_OWNER, OccupancyRole.TENANT);

    @NotBlank
    @Size(max = 30)
    private String customerPhone;

    @NotNull
    private OccupancyRole role = OccupancyRole.OWNER;

    @NotNull
    private LocalDate handoverDate;

    @NotEmpty
    private Set<MoveInDocument> documents = EnumSet.noneOf(MoveInDocument.class);

    @NotNull
    @Min(0)
    @Max(50)
    private Integer keysHanded;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal waterReading;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal electricityReading;

    @DecimalMin("0")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal gasReading;

    @Size(max = 1000)
    private String itemsIssued;

    @NotBlank
    @Size(max = 100)
    private String confirmedByName;

    public String getCustomerPhone() {
        return customerPhone;
    }

    public void setCustomerPhone(String customerPhone) {
        this.customerPhone = customerPhone == null ? null : customerPhone.strip();
    }

    public OccupancyRole getRole() {
        return role;
    }

    public void setRole(OccupancyRole role) {
        this.role = role;
    }

    public LocalDate getHandoverDate() {
        return handoverDate;
    }

    public void setHandoverDate(LocalDate handoverDate) {
        this.handoverDate = handoverDate;
    }

    public Set<MoveInDocument> getDocuments() {
        return documents;
    }

    public void setDocuments(Set<MoveInDocument> documents) {
        this.documents = documents == null ? EnumSet.noneOf(MoveInDocument.class) : documents;
    }

    public Integer getKeysHanded() {
        return keysHanded;
    }

    public void setKeysHanded(Integer keysHanded) {
        this.keysHanded = keysHanded;
    }

    public BigDecimal getWaterReading() {
        return waterReading;
    }

    public void setWaterReading(BigDecimal waterReading) {
        this.waterReading = waterReading;
    }

    public BigDecimal getElectricityReading() {
        return electricityReading;
    }

    public void setElectricityReading(BigDecimal electricityReading) {
        this.electricityReading = electricityReading;
    }

    public BigDecimal getGasReading() {
        return gasReading;
    }

    public void setGasReading(BigDecimal gasReading) {
        this.gasReading = gasReading;
    }

    public String getItemsIssued() {
        return itemsIssued;
    }

    public void setItemsIssued(String itemsIssued) {
        this.itemsIssued = itemsIssued == null || itemsIssued.isBlank() ? null : itemsIssued.strip();
    }

    public String getConfirmedByName() {
        return confirmedByName;
    }

    public void setConfirmedByName(String confirmedByName) {
        this.confirmedByName = confirmedByName == null ? null : confirmedByName.strip();
    }
}
