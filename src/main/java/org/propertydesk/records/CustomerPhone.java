package org.propertydesk.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One of a customer's phone numbers, digits only.
 */
@Entity
class CustomerPhone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(nullable = false)
    private String number;

    private String label;

    @Column(nullable = false)
    private int position;

    protected CustomerPhone() {
    }

    CustomerPhone(Customer customer, String number, int position) {
        this.customer = customer;
        this.number = number;
        this.position = position;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getLabel() {
        return label;
    }

    public int getPosition() {
        return position;
    }

    public String getDisplay() {
        return PhoneNumbers.display(number);
    }
}
