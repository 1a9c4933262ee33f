package org.propertydesk.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The targets of one policy, in minutes, as a manager edits them.
 */
class SlaPolicyForm {

    private Long version;

    private Long siteId;

    @NotNull
    private RequestKind kind = RequestKind.REPAIR;

    @NotNull
    private Priority priority = Priority.NORMAL;

    @NotNull
    @Min(1)
    @Max(100000)
    private Integer responseMinutes;

    @Min(1)
    @Max(100000)
    private Integer arrivalMinutes;

    private boolean arrivalNextBusinessDay;

    @NotNull
    @Min(1)
    @Max(1000000)
    private Integer resolutionMinutes;

    private boolean businessHours = true;

    static SlaPolicyForm of(SlaPolicy policy) {
        SlaPolicyForm form = new SlaPolicyForm();
        form.version = policy.getVersion();
        form.siteId = policy.getSiteId();
        form.kind = policy.getKind();
        form.priority = policy.getPriority();
        form.responseMinutes = policy.getResponseMinutes();
        form.arrivalMinutes = policy.getArrivalMinutes();
        form.arrivalNextBusinessDay = policy.isArrivalNextBusinessDay();
        form.resolutionMinutes = policy.getResolutionMinutes();
        form.businessHours = policy.isBusinessHours();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public RequestKind getKind() {
        return kind;
    }

    public void setKind(RequestKind kind) {
        this.kind = kind;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Integer getResponseMinutes() {
        return responseMinutes;
    }

    public void setResponseMinutes(Integer responseMinutes) {
        this.responseMinutes = responseMinutes;
    }

    public Integer getArrivalMinutes() {
        return arrivalMinutes;
    }

    public void setArrivalMinutes(Integer arrivalMinutes) {
        this.arrivalMinutes = arrivalMinutes;
    }

    public boolean isArrivalNextBusinessDay() {
        return arrivalNextBusinessDay;
    }

    public void setArrivalNextBusinessDay(boolean arrivalNextBusinessDay) {
        this.arrivalNextBusinessDay = arrivalNextBusinessDay;
    }

    public Integer getResolutionMinutes() {
        return resolutionMinutes;
    }

    public void setResolutionMinutes(Integer resolutionMinutes) {
        this.resolutionMinutes = resolutionMinutes;
    }

    public boolean isBusinessHours() {
        return businessHours;
    }

    public void setBusinessHours(boolean businessHours) {
        this.businessHours = businessHours;
    }
}
