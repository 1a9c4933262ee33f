package org.propertydesk.dispatch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A rule's site and category are fixed once created: editing changes only the time to accept and whether it is on. */
class DispatchRuleForm {

    private Long version;

    @NotNull
    private Long siteId;

    /** None: every repair of the site. */
    private Long categoryId;

    @NotNull
    @Min(1)
    @Max(DispatchRule.MAX_ACCEPT_MINUTES)
    private Integer acceptMinutes = 15;

    private boolean enabled = true;

    static DispatchRuleForm of(DispatchRule rule) {
        DispatchRuleForm form = new DispatchRuleForm();
        form.version = rule.getVersion();
        form.siteId = rule.getSiteId();
        form.categoryId = rule.getCategoryId();
        form.acceptMinutes = rule.getAcceptMinutes();
        form.enabled = rule.isEnabled();
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

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Integer getAcceptMinutes() {
        return acceptMinutes;
    }

    public void setAcceptMinutes(Integer acceptMinutes) {
        this.acceptMinutes = acceptMinutes;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
