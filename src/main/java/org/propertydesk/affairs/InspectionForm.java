package org.propertydesk.affairs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an inspection of a decoration found: "all in order", or a finding to put right.
 */
class InspectionForm {

    @NotBlank
    @Size(max = 2000)
    private String finding;

    private boolean compliant;

    public String getFinding() {
        return finding;
    }

    public void setFinding(String finding) {
        this.finding = finding == null ? null : finding.strip();
    }

    public boolean isCompliant() {
        return compliant;
    }

    public void setCompliant(boolean compliant) {
        this.compliant = compliant;
    }
}
