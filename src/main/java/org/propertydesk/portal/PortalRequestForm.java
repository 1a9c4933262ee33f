package org.propertydesk.portal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.propertydesk.requests.OwnerRequests;
import org.propertydesk.requests.RequestKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The owner's new request. Times are entered in the display zone, as on the owner's phone; the checks are made by
 * the controller so that each refusal lands at its field.
 */
class PortalRequestForm {

    /** As at the front desk's intake. */
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_PHONE = 20;

    private RequestKind kind = RequestKind.REPAIR;

    private String categoryCode;

    private Long houseId;

    private String description;

    private String contactPhone;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime preferredFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime preferredTo;

    private List<MultipartFile> photos;

    OwnerRequests.NewRequest toRequest(ZoneId zone) {
        return new OwnerRequests.NewRequest(kind, categoryCode, houseId, description.strip(), instant(preferredFrom, zone),
                instant(preferredTo, zone), contactPhone == null || contactPhone.isBlank() ? null : contactPhone.strip());
    }

    static Instant instant(LocalDateTime time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).toInstant();
    }

    public RequestKind getKind() {
        return kind;
    }

    public void setKind(RequestKind kind) {
        this.kind = kind;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public Long getHouseId() {
        return houseId;
    }

    public void setHouseId(Long houseId) {
        this.houseId = houseId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public LocalDateTime getPreferredFrom() {
        return preferredFrom;
    }

    public void setPreferredFrom(LocalDateTime preferredFrom) {
        this.preferredFrom = preferredFrom;
    }

    public LocalDateTime getPreferredTo() {
        return preferredTo;
    }

    public void setPreferredTo(LocalDateTime preferredTo) {
        this.preferredTo = preferredTo;
    }

    public List<MultipartFile> getPhotos() {
        return photos;
    }

    public void setPhotos(List<MultipartFile> photos) {
        this.photos = photos;
    }
}
