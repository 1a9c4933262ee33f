package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/** An entry of the admin-managed materials price list: what a technician charges per unit of a part. */
@Entity
@Table(name = "material")
class Material extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "unit_zh", nullable = false)
    private String unitZh;

    @Column(name = "unit_en", nullable = false)
    private String unitEn;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(nullable = false)
    private boolean active = true;

    protected Material() {
    }

    Material(String code, String nameZh, String nameEn, String unitZh, String unitEn, BigDecimal unitPrice) {
        this.code = code.strip().toUpperCase(Locale.ROOT);
        update(nameZh, nameEn, unitZh, unitEn, unitPrice, true);
    }

    void update(String nameZh, String nameEn, String unitZh, String unitEn, BigDecimal unitPrice, boolean active) {
        this.nameZh = nameZh.strip();
        this.nameEn = nameEn.strip();
        this.unitZh = unitZh.strip();
        this.unitEn = unitEn.strip();
        this.unitPrice = unitPrice.setScale(2, java.math.RoundingMode.HALF_UP);
        this.active = active;
    }

    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public String unit(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? unitEn : unitZh;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getUnitZh() {
        return unitZh;
    }

    public String getUnitEn() {
        return unitEn;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public boolean isActive() {
        return active;
    }
}
