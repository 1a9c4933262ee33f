package org.propertydesk.requests;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The one-screen intake form. Times are entered in the display zone, as the agent says them to the caller.
 */
class IntakeForm {

    @NotNull
    private RequestKind kind = RequestKind.REPAIR;

    @NotBlank
    private String categoryCode;

    @NotNull
    private Channel channel = Channel.PHONE;

    @NotNull
    private Long siteId;

    private Priority priority;

    private Scope scope;

    private Long houseId;

    private Long customerId;

    @Size(max = 20)
    @Pattern(regexp = "[0-9+()\\-\\s]*", message = "{validation.phone}")
    private String contactPhone;

    @Size(max = 200)
    private String locationText;

    @NotBlank
    @Size(max = 4000)
    private String description;

    private LocalDateTime preferredFrom;

    private LocalDateTime preferredTo;

    private LocalDateTime promisedAt;

    IntakeCommand toCommand(ZoneId zone) {
        return new IntakeCommand(kind, categoryCode, channel, siteId, priority, scope, houseId, customerId,
                contactPhone == null || contactPhone.isBlank() ? null : contactPhone.trim(),
                locationText == null || locationText.isBlank() ? null : locationText.trim(), description.trim(),
                instant(preferredFrom, zone), instant(preferredTo, zone), instant(promisedAt, zone));
    }

    private static Instant instant(LocalDateTime time, ZoneId zone) {
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

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }

    public Long getHouseId() {
        return houseId;
    }

    public void setHouseId(Long houseId) {
        this.houseId = houseId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getLocationText() {
        return locationText;
    }

    public void setLocationText(String locationText) {
        this.locationText = locationText;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
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

    public LocalDateTime getPromisedAt() {
        return promisedAt;
    }

    public void setPromisedAt(LocalDateTime promisedAt) {
        this.promisedAt = promisedAt;
    }
}
