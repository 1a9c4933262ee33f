package org.propertydesk.dispatch;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A price-list entry as an admin edits it; the code is fixed once created, because work orders keep it. */
class MaterialForm {

    private Long version;

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{material.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 100)
    private String nameZh;

    @NotBlank
    @Size(max = 100)
    private String nameEn;

    @NotBlank
    @Size(max = 20)
    private String unitZh;

    @NotBlank
    @Size(max = 20)
    private String unitEn;

    /** The column is numeric(10,2). */
    @NotNull
    @DecimalMin("0")
    @Digits(integer = 8, fraction = 2)
    private BigDecimal unitPrice;

    private boolean active = true;

    static MaterialForm of(Material material) {
        MaterialForm form = new MaterialForm();
        form.version = material.getVersion();
        form.code = material.getCode();
        form.nameZh = material.getNameZh();
        form.nameEn = material.getNameEn();
        form.unitZh = material.getUnitZh();
        form.unitEn = material.getUnitEn();
        form.unitPrice = material.getUnitPrice();
        form.active = material.isActive();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getUnitZh() {
        return unitZh;
    }

    public void setUnitZh(String unitZh) {
        this.unitZh = unitZh;
    }

    public String getUnitEn() {
        return unitEn;
    }

    public void setUnitEn(String unitEn) {
        this.unitEn = unitEn;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
