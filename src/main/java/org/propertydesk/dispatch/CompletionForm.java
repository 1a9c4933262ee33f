package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a technician fills in on the phone to finish a job. The work order's own rules decide what is acceptable; this
 * only knows which field a refusal belongs to, so the message shows where the technician has to correct it.
 */
class CompletionForm {

    /** Rows on the form; a job rarely takes more different parts than this. */
    static final int MATERIAL_ROWS = 3;

    private static final Map<String, String> FIELDS = Map.of(
            "workOrder.error.workDoneRequired", "workDone",
            "workOrder.error.labourMinutes", "labourMinutes",
            "workOrder.error.charge", "charge",
            "workOrder.error.paidUnknown", "chargePaid",
            "workOrder.error.confirmationRequired", "confirmedBy",
            "workOrder.error.tooManyPhotos", "photos",
            "workOrder.error.photoOnly", "photos",
            "file.error.empty", "photos",
            "file.error.tooLarge", "photos",
            "file.error.type", "photos");

    private String workDone;
    private Integer labourMinutes;
    private List<MaterialRow> materials = new ArrayList<>();
    private BigDecimal charge;
    private Boolean chargePaid;
    private String confirmedBy;
    private boolean ownerAbsent;
    private List<MultipartFile> photos = new ArrayList<>();

    CompletionForm() {
        for (int i = 0; i < MATERIAL_ROWS; i++) {
            materials.add(new MaterialRow());
        }
    }

    /** One line of the materials list: a price-list code and how much of it. */
    static class MaterialRow {

        private String code;
        private BigDecimal quantity;

        boolean chosen() {
            return code != null && !code.isBlank();
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }
    }

    WorkOrder.Completion completion() {
        return new WorkOrder.Completion(workDone, labourMinutes, charge, chargePaid, confirmedBy, ownerAbsent);
    }

    List<WorkOrderService.MaterialLine> materialLines() {
        return materials.stream().filter(row -> row != null && row.chosen())
                .map(row -> new WorkOrderService.MaterialLine(row.getCode(), row.getQuantity())).toList();
    }

    /** A quantity without a material is a row the technician forgot to finish, not one to drop silently. */
    void rejectRowsWithoutMaterial(Errors errors) {
        for (int i = 0; i < materials.size(); i++) {
            MaterialRow row = materials.get(i);
            if (row != null && !row.chosen() && row.getQuantity() != null) {
                errors.rejectValue("materials[" + i + "].code", "work.error.chooseMaterial");
            }
        }
    }

    /** The field a refusal belongs to; empty when it concerns the form as a whole. */
    Optional<String> fieldOf(BusinessRuleException refusal) {
        String key = refusal.messageKey();
        boolean quantity = "workOrder.error.quantity".equals(key);
        if (quantity || "workOrder.error.unknownMaterial".equals(key)) {
            String code = String.valueOf(refusal.arguments()[0]);
            for (int i = 0; i < materials.size(); i++) {
                MaterialRow row = materials.get(i);
                if (row != null && row.chosen() && row.getCode().strip().toUpperCase(Locale.ROOT)
                        .equals(code.toUpperCase(Locale.ROOT))) {
                    return Optional.of("materials[" + i + "]." + (quantity ? "quantity" : "code"));
                }
            }
            return Optional.empty();
        }
        return Optional.ofNullable(FIELDS.get(key));
    }

    public String getWorkDone() {
        return workDone;
    }

    public void setWorkDone(String workDone) {
        this.workDone = workDone;
    }

    public Integer getLabourMinutes() {
        return labourMinutes;
    }

    public void setLabourMinutes(Integer labourMinutes) {
        this.labourMinutes = labourMinutes;
    }

    public List<MaterialRow> getMaterials() {
        return materials;
    }

    public void setMaterials(List<MaterialRow> materials) {
        this.materials = materials;
    }

    public BigDecimal getCharge() {
        return charge;
    }

    public void setCharge(BigDecimal charge) {
        this.charge = charge;
    }

    public Boolean getChargePaid() {
        return chargePaid;
    }

    public void setChargePaid(Boolean chargePaid) {
        this.chargePaid = chargePaid;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public void setConfirmedBy(String confirmedBy) {
        this.confirmedBy = confirmedBy;
    }

    public boolean isOwnerAbsent() {
        return ownerAbsent;
    }

    public void setOwnerAbsent(boolean ownerAbsent) {
        this.ownerAbsent = ownerAbsent;
    }

    public List<MultipartFile> getPhotos() {
        return photos;
    }

    public void setPhotos(List<MultipartFile> photos) {
        this.photos = photos;
    }
}
