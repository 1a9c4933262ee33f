package org.propertydesk.callbacks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/** When callbacks are due and how hard to try, for a site; the row without a site is the company default. */
@Entity
@Table(name = "callback_setting")
class CallbackSetting extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", updatable = false)
    private Long siteId;

    @Column(name = "repair_sample_percent", nullable = false)
    private int repairSamplePercent = 100;

    @Column(name = "inquiry_callbacks", nullable = false)
    private boolean inquiryCallbacks;

    @Column(name = "due_business_hours", nullable = false)
    private int dueBusinessHours = 24;

    @Column(name = "max_failed_attempts", nullable = false)
    private int maxFailedAttempts = 3;

    @Column(name = "auto_close_days", nullable = false)
    private int autoCloseDays = 7;

    protected CallbackSetting() {
    }

    CallbackSetting(Long siteId) {
        this.siteId = siteId;
    }

    void update(int repairSamplePercent, boolean inquiryCallbacks, int dueBusinessHours, int maxFailedAttempts,
            int autoCloseDays) {
        this.repairSamplePercent = repairSamplePercent;
        this.inquiryCallbacks = inquiryCallbacks;
        this.dueBusinessHours = dueBusinessHours;
        this.maxFailedAttempts = maxFailedAttempts;
        this.autoCloseDays = autoCloseDays;
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public int getRepairSamplePercent() {
        return repairSamplePercent;
    }

    public boolean isInquiryCallbacks() {
        return inquiryCallbacks;
    }

    public int getDueBusinessHours() {
        return dueBusinessHours;
    }

    public int getMaxFailedAttempts() {
        return maxFailedAttempts;
    }

    public int getAutoCloseDays() {
        return autoCloseDays;
    }
}
