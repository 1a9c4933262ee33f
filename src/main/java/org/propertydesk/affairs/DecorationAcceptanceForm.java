package org.propertydesk.affairs;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/**
 * Accepting finished decoration work: the deposit goes back, less a deduction (for damage to common areas, say) that
 * needs its reason.
 */
class DecorationAcceptanceForm {

    @DecimalMin("0")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal deduction;

    @Size(max = 500)
    private String reason;

    boolean deducts() {
        return deduction != null && deduction.signum() > 0;
    }

    public BigDecimal getDeduction() {
        return deduction;
    }

    public void setDeduction(BigDecimal deduction) {
        this.deduction = deduction;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
