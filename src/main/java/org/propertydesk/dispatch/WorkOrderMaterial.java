package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A material used on a job, with the name, unit and price copied from the price list at the time: a later price
 * change does not rewrite what the owner was charged.
 */
@Entity
@Table(name = "work_order_material")
class WorkOrderMaterial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_id")
    private WorkOrder workOrder;

    @Column(name = "material_id", nullable = false)
    private Long materialId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String unit;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(nullable = false)
    private BigDecimal quantity;

    @Column(nullable = false)
    private BigDecimal amount;

    protected WorkOrderMaterial() {
    }

    WorkOrderMaterial(WorkOrder workOrder, Material material, String name, String unit, BigDecimal quantity) {
        this.workOrder = workOrder;
        this.materialId = material.getId();
        this.code = material.getCode();
        this.name = name;
        this.unit = unit;
        this.unitPrice = material.getUnitPrice();
        this.quantity = quantity.setScale(2, RoundingMode.HALF_UP);
        this.amount = unitPrice.multiply(this.quantity).setScale(2, RoundingMode.HALF_UP);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
