package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A decoration registration: who works on the house, when, on what, and the deposit taken.
 */
class DecorationForm {

    @NotBlank
    @Size(max = 100)
    private String contractor;

    @NotBlank
    @Size(max = 30)
    private String contractorPhone;

    /** The workers' names, one a line, as on the permit the gate checks. */
    @NotBlank
    @Size(max = 1000)
    private String workers;

    @NotNull
    private LocalDate startsOn;

    @NotNull
    private LocalDate endsOn;

    @NotBlank
    @Size(max = 2000)
    private String workScope;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal deposit;

    List<String> workerNames() {
        return workers == null ? List.of() : Arrays.stream(workers.split("\\R")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
    }

    public String getContractor() {
        return contractor;
    }

    public void setContractor(String contractor) {
        this.contractor = contractor == null ? null : contractor.strip();
    }

    public String getContractorPhone() {
        return contractorPhone;
    }

    public void setContractorPhone(String contractorPhone) {
        this.contractorPhone = contractorPhone == null ? null : contractorPhone.strip();
    }

    public String getWorkers() {
        return workers;
    }

    public void setWorkers(String workers) {
        this.workers = workers;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getWorkScope() {
        return workScope;
    }

    public void setWorkScope(String workScope) {
        this.workScope = workScope == null ? null : workScope.strip();
    }

    public BigDecimal getDeposit() {
        return deposit;
    }

    public void setDeposit(BigDecimal deposit) {
        this.deposit = deposit;
    }
}
