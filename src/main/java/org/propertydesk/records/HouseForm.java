package org.propertydesk.records;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A house as staff enter it: site, building, optional unit and room, as in 3-2-1502, and its description.
 */
class HouseForm {

    /** The version the form was filled from, so that saving over someone else's change is refused. */
    private Long version;


    @NotNull
    private Long siteId;

    @NotBlank
    @Size(max = 16)
    @Pattern(regexp = "[0-9A-Za-z]*", message = "{house.code.pattern}")
    private String buildingCode;

    @Size(max = 16)
    @Pattern(regexp = "[0-9A-Za-z]*", message = "{house.code.pattern}")
    private String unitCode;

    @NotBlank
    @Size(max = 16)
    @Pattern(regexp = "[0-9A-Za-z]*", message = "{house.code.pattern}")
    private String roomNo;

    @Min(-10)
    @Max(200)
    private Integer floor;

    @DecimalMin("0.01")
    @DecimalMax("100000")
    @Digits(integer = 8, fraction = 2)
    private BigDecimal area;

    @NotNull
    private HouseUse use = HouseUse.RESIDENTIAL;

    @NotNull
    private HouseStatus status = HouseStatus.VACANT;

    private LocalDate handoverDate;

    private LocalDate warrantyEnd;

    static HouseForm of(House house) {
        HouseForm form = new HouseForm();
        form.version = house.getVersion();
        form.siteId = house.getSite().getId();
        form.buildingCode = house.getBuilding().getCode();
        form.unitCode = house.getUnit() == null ? null : house.getUnit().getCode();
        form.roomNo = house.getRoomNo();
        form.floor = house.getFloor();
        form.area = house.getArea();
        form.use = house.getUse();
        form.status = house.getStatus();
        form.handoverDate = house.getHandoverDate();
        form.warrantyEnd = house.getWarrantyEnd();
        return form;
    }

    HouseCode code() {
        return HouseCode.of(buildingCode, unitCode, roomNo);
    }

    @AssertTrue(message = "{house.warrantyEnd.beforeHandover}")
    public boolean isWarrantyAfterHandover() {
        return handoverDate == null || warrantyEnd == null || !warrantyEnd.isBefore(handoverDate);
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public String getBuildingCode() {
        return buildingCode;
    }

    public void setBuildingCode(String buildingCode) {
        this.buildingCode = upper(buildingCode);
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = upper(unitCode);
    }

    public String getRoomNo() {
        return roomNo;
    }

    public void setRoomNo(String roomNo) {
        this.roomNo = upper(roomNo);
    }

    public Integer getFloor() {
        return floor;
    }

    public void setFloor(Integer floor) {
        this.floor = floor;
    }

    public BigDecimal getArea() {
        return area;
    }

    public void setArea(BigDecimal area) {
        this.area = area;
    }

    public HouseUse getUse() {
        return use;
    }

    public void setUse(HouseUse use) {
        this.use = use;
    }

    public HouseStatus getStatus() {
        return status;
    }

    public void setStatus(HouseStatus status) {
        this.status = status;
    }

    public LocalDate getHandoverDate() {
        return handoverDate;
    }

    public void setHandoverDate(LocalDate handoverDate) {
        this.handoverDate = handoverDate;
    }

    public LocalDate getWarrantyEnd() {
        return warrantyEnd;
    }

    public void setWarrantyEnd(LocalDate warrantyEnd) {
        this.warrantyEnd = warrantyEnd;
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase();
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
