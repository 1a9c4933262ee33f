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
 * A unit (单元): a stairwell of a building, the "2" in 3-2-1502. Not every building has units.
 */
@Entity
class Unit extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "building_id")
    private Building building;

    @Column(nullable = false)
    private String code;

    protected Unit() {
    }

    Unit(Building building, String code) {
        this.building = building;
        this.code = code;
    }

    public Long getId() {
        return id;
    }

    public Building getBuilding() {
        return building;
    }

    public String getCode() {
        return code;
    }
}
