package org.propertydesk.records;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * A customer's relation to a house over time: owner, tenant, family member… Moving out ends it; it is never deleted,
 * so a house's past occupants stay on record.
 */
@Entity
class Occupancy extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "house_id")
    private House house;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OccupancyRole role;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "primary_contact", nullable = false)
    private boolean primaryContact;

    protected Occupancy() {
    }

    Occupancy(Customer customer, House house, OccupancyRole role, LocalDate startDate, boolean primaryContact) {
        this.customer = customer;
        this.house = house;
        this.role = role;
        this.startDate = startDate;
        this.primaryContact = primaryContact;
    }

    void moveOut(LocalDate endDate) {
        if (this.endDate != null) {
            throw new BusinessRuleException("occupancy.error.alreadyEnded");
        }
        if (endDate.isBefore(startDate)) {
            throw new BusinessRuleException("occupancy.error.endBeforeStart");
        }
        this.endDate = endDate;
        this.primaryContact = false;
    }

    void changeRole(OccupancyRole role) {
        this.role = role;
    }

    void markPrimaryContact(boolean primaryContact) {
        this.primaryContact = primaryContact;
    }

    public boolean isCurrent() {
        return endDate == null;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public House getHouse() {
        return house;
    }

    public OccupancyRole getRole() {
        return role;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public boolean isPrimaryContact() {
        return primaryContact;
    }
}
