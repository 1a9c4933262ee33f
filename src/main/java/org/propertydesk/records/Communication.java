package org.propertydesk.records;

import java.time.Instant;

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

/**
 * A contact with a customer (业主沟通记录), whether or not it became a service request.
 */
@Entity
class Communication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "house_id")
    private House house;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommunicationChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Column(nullable = false)
    private String summary;

    @Column(name = "staff_username", nullable = false)
    private String staffUsername;

    @Column(name = "staff_name", nullable = false)
    private String staffName;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Communication() {
    }

    Communication(Customer customer, House house, CommunicationChannel channel, Direction direction, String summary,
            String staffUsername, String staffName, Instant occurredAt, Instant createdAt) {
        this.customer = customer;
        this.house = house;
        this.channel = channel;
        this.direction = direction;
        this.summary = summary;
        this.staffUsername = staffUsername;
        this.staffName = staffName;
        this.occurredAt = occurredAt;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public House getHouse() {
        return house;
    }

    public CommunicationChannel getChannel() {
        return channel;
    }

    public Direction getDirection() {
        return direction;
    }

    public String getSummary() {
        return summary;
    }

    public String getStaffName() {
        return staffName;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
