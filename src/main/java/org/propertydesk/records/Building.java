package org.propertydesk.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.propertydesk.shared.audit.Audited;

/**
 * A building (楼栋) of a site, known by the short code front desks say first: "3" in 3-2-1502.
 */
@Entity
class Building extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(nullable = false)
    private String code;

    private String name;

    private Integer floors;

    protected Building() {
    }

    Building(Site site, String code, String name, Integer floors) {
        this.site = site;
        this.code = code;
        update(name, floors);
    }

    void update(String name, Integer floors) {
        this.name = name;
        this.floors = floors;
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Integer getFloors() {
        return floors;
    }
}
