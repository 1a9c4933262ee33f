package org.propertydesk.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/**
 * A place with a printed QR code (a building's entrance, a lift lobby, the car park) where anyone can report a
 * problem without an account. The token in the code's address is the only key to the form, so it is long and random;
 * a point switched off keeps its token, so that a poster still hanging somewhere opens nothing.
 */
@Entity
@Table(name = "report_point")
class ReportPoint extends Audited {

    static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    /** The building whose entrance this is; none for a common area of the site. */
    @Column(name = "building_id", updatable = false)
    private Long buildingId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String token;

    @Column(nullable = false)
    private boolean active = true;

    protected ReportPoint() {
    }

    ReportPoint(long siteId, Long buildingId, String name, String token) {
        this.siteId = siteId;
        this.buildingId = buildingId;
        this.name = name;
        this.token = token;
    }

    void rename(String name) {
        this.name = name;
    }

    void deactivate() {
        active = false;
    }

    void reactivate() {
        active = true;
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public String getName() {
        return name;
    }

    public String getToken() {
        return token;
    }

    public boolean isActive() {
        return active;
    }
}
