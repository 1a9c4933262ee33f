package org.propertydesk.affairs;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * A pass as the front desk or an owner asks for it. The desk names which occupant asks ({@code requesterId}); in the
 * portal it is the logged-in owner or tenant.
 */
public class ReleasePassForm {

    private Long houseId;
    private Long requesterId;
    private String items;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate passDate;
    private String vehiclePlate;

    /** Field errors for what is missing or malformed; the house and requester are checked against the records later. */
    void check(Errors errors, LocalDate today) {
        if (houseId == null) {
            errors.rejectValue("houseId", "pass.error.houseRequired");
        }
        if (items == null || items.isBlank()) {
            errors.rejectValue("items", "pass.error.itemsRequired");
        } else if (items.strip().length() > ReleasePass.MAX_ITEMS) {
            errors.rejectValue("items", "pass.error.itemsTooLong", new Object[] {ReleasePass.MAX_ITEMS}, null);
        }
        if (passDate == null) {
            errors.rejectValue("passDate", "pass.error.dateRequired");
        } else if (passDate.isBefore(today)) {
            errors.rejectValue("passDate", "pass.error.datePast");
        }
        String plate = plate();
        if (plate != null && !plate.matches("[\\p{IsHan}A-Z0-9·\\-]{2," + ReleasePass.MAX_PLATE + "}")) {
            errors.rejectValue("vehiclePlate", "pass.error.plate");
        }
    }

    /** The plate as guards read it: upper case, without spaces; null when none was given. */
    String plate() {
        if (vehiclePlate == null || vehiclePlate.isBlank()) {
            return null;
        }
        return vehiclePlate.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public Long getHouseId() {
        return houseId;
    }

    public void setHouseId(Long houseId) {
        this.houseId = houseId;
    }

    public Long getRequesterId() {
        return requesterId;
    }

    public void setRequesterId(Long requesterId) {
        this.requesterId = requesterId;
    }

    public String getItems() {
        return items;
    }

    public void setItems(String items) {
        this.items = items;
    }

    public LocalDate getPassDate() {
        return passDate;
    }

    public void setPassDate(LocalDate passDate) {
        this.passDate = passDate;
    }

    public String getVehiclePlate() {
        return vehiclePlate;
    }

    public void setVehiclePlate(String vehiclePlate) {
        this.vehiclePlate = vehiclePlate;
    }
}
