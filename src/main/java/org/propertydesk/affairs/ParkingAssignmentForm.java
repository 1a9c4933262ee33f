package org.propertydesk.affairs;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Giving a space to a household: the house in front-desk notation, the holder by phone, the cars' plates and the
 * dates (a lease has an end; an owned space may not).
 */
class ParkingAssignmentForm {

    private static final java.util.regex.Pattern PLATE = java.util.regex.Pattern.compile("[\\p{IsHan}A-Z0-9]{5,10}");

    @NotBlank
    @Size(max = 50)
    private String houseCode;

    @NotBlank
    @Size(max = 30)
    private String customerPhone;

    @NotBlank
    @Size(max = 100)
    private String plateNumbers;

    @NotNull
    private LocalDate startsOn;

    private LocalDate endsOn;

    /** The plates as the gate camera reads them: upper case, without the dot or dash some people write. */
    List<String> plates() {
        return plateNumbers == null ? List.of() : Arrays.stream(plateNumbers.toUpperCase().split("[,，;；\\s]+"))
                .map(plate -> plate.replaceAll("[·.\\-]", "")).filter(plate -> !plate.isEmpty()).toList();
    }

    boolean platesValid() {
        return !plates().isEmpty() && plates().stream().allMatch(plate -> PLATE.matcher(plate).matches());
    }

    public String getHouseCode() {
        return houseCode;
    }

    public void setHouseCode(String houseCode) {
        this.houseCode = houseCode == null ? null : houseCode.strip();
    }

    public String getCustomerPhone() {
        return customerPhone;
    }

    public void setCustomerPhone(String customerPhone) {
        this.customerPhone = customerPhone == null ? null : customerPhone.strip();
    }

    public String getPlateNumbers() {
        return plateNumbers;
    }

    public void setPlateNumbers(String plateNumbers) {
        this.plateNumbers = plateNumbers;
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
}
