package org.propertydesk.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/** A team of technicians (the plumbing team of a site); a work order can go to a team, and any member takes it. */
@Entity
@Table(name = "team")
class Team extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "site_id")
    private Long siteId;

    @Column(name = "leader_staff_id")
    private Long leaderStaffId;

    @Column(nullable = false)
    private boolean active = true;

    protected Team() {
    }

    Team(String name, Long siteId, Long leaderStaffId) {
        update(name, siteId, leaderStaffId, true);
    }

    void update(String name, Long siteId, Long leaderStaffId, boolean active) {
        this.name = name.strip();
        this.siteId = siteId;
        this.leaderStaffId = leaderStaffId;
        this.active = active;
    }

    /** A team without a site works wherever its members do. */
    boolean serves(Long site) {
        return siteId == null || siteId.equals(site);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Long getLeaderStaffId() {
        return leaderStaffId;
    }

    public boolean isActive() {
        return active;
    }
}
