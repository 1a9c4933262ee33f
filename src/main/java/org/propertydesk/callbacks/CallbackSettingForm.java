package org.propertydesk.callbacks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The company default or one site's override; the bounds are the table's checks. */
class CallbackSettingForm {

    private Long version;

    /** Only when adding a site's override; the default has none and an override keeps its site. */
    private Long siteId;

    @NotNull
    @Min(0)
    @Max(100)
    private Integer repairSamplePercent;

    private boolean inquiryCallbacks;

    @NotNull
    @Min(1)
    @Max(720)
    private Integer dueBusinessHours;

    @NotNull
    @Min(1)
    @Max(10)
    private Integer maxFailedAttempts;

    @NotNull
    @Min(1)
    @Max(90)
    private Integer autoCloseDays;

    static CallbackSettingForm of(CallbackSetting setting) {
        CallbackSettingForm form = new CallbackSettingForm();
        form.version = setting.getVersion();
        form.siteId = setting.getSiteId();
        form.repairSamplePercent = setting.getRepairSamplePercent();
        form.inquiryCallbacks = setting.isInquiryCallbacks();
        form.dueBusinessHours = setting.getDueBusinessHours();
        form.maxFailedAttempts = setting.getMaxFailedAttempts();
        form.autoCloseDays = setting.getAutoCloseDays();
        return form;
    }

    void applyTo(CallbackSetting setting) {
        setting.update(repairSamplePercent, inquiryCallbacks, dueBusinessHours, maxFailedAttempts, autoCloseDays);
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

    public Integer getRepairSamplePercent() {
        return repairSamplePercent;
    }

    public void setRepairSamplePercent(Integer repairSamplePercent) {
        this.repairSamplePercent = repairSamplePercent;
    }

    public boolean isInquiryCallbacks() {
        return inquiryCallbacks;
    }

    public void setInquiryCallbacks(boolean inquiryCallbacks) {
        this.inquiryCallbacks = inquiryCallbacks;
    }

    public Integer getDueBusinessHours() {
        return dueBusinessHours;
    }

    public void setDueBusinessHours(Integer dueBusinessHours) {
        this.dueBusinessHours = dueBusinessHours;
    }

    public Integer getMaxFailedAttempts() {
        return maxFailedAttempts;
    }

    public void setMaxFailedAttempts(Integer maxFailedAttempts) {
        this.maxFailedAttempts = maxFailedAttempts;
    }

    public Integer getAutoCloseDays() {
        return autoCloseDays;
    }

    public void setAutoCloseDays(Integer autoCloseDays) {
        this.autoCloseDays = autoCloseDays;
    }
}
