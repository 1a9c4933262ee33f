package org.propertydesk.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.propertydesk.shared.audit.Audited;

/**
 * A site (项目/小区): the estate or building complex a property company manages under one name.
 */
@Entity
class Site extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "property_type", nullable = false)
    private PropertyType propertyType;

    protected Site() {
    }

    Site(String code, String name, String address, PropertyType propertyType) {
        this.code = code;
        update(name, address, propertyType);
    }

    void update(String name, String address, PropertyType propertyType) {
        this.name = name;
        this.address = address;
        this.propertyType = propertyType;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public PropertyType getPropertyType() {
        return propertyType;
    }
}
