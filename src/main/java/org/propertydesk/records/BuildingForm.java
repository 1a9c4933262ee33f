package org.propertydesk.records;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class BuildingForm {

    @NotBlank
    @Size(max = 16)
    @Pattern(regexp = "[0-9A-Za-z]*", message = "{building.code.pattern}")
    private String code;

    @Size(max = 100)
    private String name;

    @Min(1)
    @Max(200)
    private Integer floors;

    /** Unit codes separated by commas or spaces, e.g. "1,2,3"; empty for a building without units. */
    @Size(max = 200)
    @Pattern(regexp = "[0-9A-Za-z,，\\s]*", message = "{building.units.pattern}")
    private String units;

    List<String> unitCodes() {
        if (units == null || units.isBlank()) {
            return List.of();
        }
        return Arrays.stream(units.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(String::toUpperCase).distinct().toList();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.trim().toUpperCase();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.trim();
    }

    public Integer getFloors() {
        return floors;
    }

    public void setFloors(Integer floors) {
        this.floors = floors;
    }

    public String getUnits() {
        return units;
    }

    public void setUnits(String units) {
        this.units = units;
    }
}
