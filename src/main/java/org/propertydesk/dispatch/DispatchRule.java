package org.propertydesk.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * Automatic dispatch for a site: new repairs of the category (or its children; every repair without a category) go
 * straight to the best candidate, who has {@code acceptMinutes} to accept before the job returns to the board.
 */
@Entity
@Table(name = "dispatch_rule")
class DispatchRule extends Audited {

    static final int MAX_ACCEPT_MINUTES = 240;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private Long siteId;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(name = "accept_minutes", nullable = false)
    private int acceptMinutes;

    @Column(nullable = false)
    private boolean enabled = true;

    protected DispatchRule() {
    }

    DispatchRule(long siteId, Long categoryId, int acceptMinutes) {
        this.siteId = siteId;
        this.categoryId = categoryId;
        update(acceptMinutes, true);
    }

    void update(int acceptMinutes, boolean enabled) {
        if (acceptMinutes < 1 || acceptMinutes > MAX_ACCEPT_MINUTES) {
            throw new BusinessRuleException("dispatchRule.error.acceptMinutes", MAX_ACCEPT_MINUTES);
        }
        this.acceptMinutes = acceptMinutes;
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public int getAcceptMinutes() {
        return acceptMinutes;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
