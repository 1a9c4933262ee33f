package org.propertydesk.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The targets for one kind and priority, company-wide or overridden for one site: how long until the request is
 * acknowledged, someone is on site (repairs), and it is resolved.
 */
@Entity
@Table(name = "sla_policy")
class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id")
    private Long siteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "response_minutes", nullable = false)
    private int responseMinutes;

    @Column(name = "arrival_minutes")
    private Integer arrivalMinutes;

    @Column(name = "arrival_next_business_day", nullable = false)
    private boolean arrivalNextBusinessDay;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Column(name = "business_hours", nullable = false)
    private boolean businessHours;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected SlaPolicy() {
    }

    SlaPolicy(Long siteId, RequestKind kind, Priority priority, int responseMinutes, Integer arrivalMinutes,
            boolean arrivalNextBusinessDay, int resolutionMinutes, boolean businessHours, Instant now, String by) {
        this.siteId = siteId;
        this.kind = kind;
        this.priority = priority;
        change(responseMinutes, arrivalMinutes, arrivalNextBusinessDay, resolutionMinutes, businessHours, now, by);
    }

    void change(int responseMinutes, Integer arrivalMinutes, boolean arrivalNextBusinessDay, int resolutionMinutes,
            boolean businessHours, Instant now, String by) {
        this.responseMinutes = responseMinutes;
        this.arrivalMinutes = kind == RequestKind.REPAIR ? arrivalMinutes : null;
        this.arrivalNextBusinessDay = kind == RequestKind.REPAIR && arrivalNextBusinessDay;
        this.resolutionMinutes = resolutionMinutes;
        this.businessHours = businessHours;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Long getSiteId() {
        return siteId;
    }

    public RequestKind getKind() {
        return kind;
    }

    public Priority getPriority() {
        return priority;
    }

    public int getResponseMinutes() {
        return responseMinutes;
    }

    public Integer getArrivalMinutes() {
        return arrivalMinutes;
    }

    public boolean isArrivalNextBusinessDay() {
        return arrivalNextBusinessDay;
    }

    public int getResolutionMinutes() {
        return resolutionMinutes;
    }

    public boolean isBusinessHours() {
        return businessHours;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
