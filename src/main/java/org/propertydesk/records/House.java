package org.propertydesk.records;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.propertydesk.shared.audit.Audited;

/**
 * A house or premises (房屋). Its code is the notation front desks use, building-unit-room ({@code 3-2-1502}) or
 * building-room ({@code 3-1502}) where the building has no units, and is unique within its site.
 */
@Entity
class House extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "building_id")
    private Building building;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(name = "room_no", nullable = false)
    private String roomNo;

    @Column(nullable = false)
    private String code;

    private Integer floor;

    private BigDecimal area;

    @Enumerated(EnumType.STRING)
    @Column(name = "house_use", nullable = false)
    private HouseUse use;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HouseStatus status;

    @Column(name = "handover_date")
    private LocalDate handoverDate;

    @Column(name = "warranty_end")
    private LocalDate warrantyEnd;

    protected House() {
    }

    House(Building building, Unit unit, String roomNo) {
        this.site = building.getSite();
        this.building = building;
        this.unit = unit;
        this.roomNo = roomNo;
        this.code = HouseCode.of(building.getCode(), unit == null ? null : unit.getCode(), roomNo).toString();
        this.use = HouseUse.RESIDENTIAL;
        this.status = HouseStatus.VACANT;
    }

    void describe(Integer floor, BigDecimal area, HouseUse use, HouseStatus status, LocalDate handoverDate,
            LocalDate warrantyEnd) {
        this.floor = floor;
        this.area = area;
        this.use = use;
        this.status = status;
        this.handoverDate = handoverDate;
        this.warrantyEnd = warrantyEnd;
    }

    void markStatus(HouseStatus status) {
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public Building getBuilding() {
        return building;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getRoomNo() {
        return roomNo;
    }

    public String getCode() {
        return code;
    }

    public Integer getFloor() {
        return floor;
    }

    public BigDecimal getArea() {
        return area;
    }

    public HouseUse getUse() {
        return use;
    }

    public HouseStatus getStatus() {
        return status;
    }

    public LocalDate getHandoverDate() {
        return handoverDate;
    }

    public LocalDate getWarrantyEnd() {
        return warrantyEnd;
    }

    public boolean isUnderWarranty(LocalDate today) {
        return warrantyEnd != null && !today.isAfter(warrantyEnd);
    }
}
