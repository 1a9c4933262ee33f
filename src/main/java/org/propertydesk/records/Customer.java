package org.propertydesk.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import org.propertydesk.shared.audit.Audited;

/**
 * A customer (客户): a person or an enterprise the company serves, with the phones they call from.
 * The site is where the customer was registered; houses come through occupancies.
 */
@Entity
class Customer extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false)
    private CustomerType type;

    @Column(nullable = false)
    private String name;

    private String email;

    @Column(name = "id_number")
    private String idNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_tier", nullable = false)
    private ValueTier valueTier;

    @Enumerated(EnumType.STRING)
    private Disposition disposition;

    private LocalDate birthday;

    @Column(name = "preferred_contact_time")
    private String preferredContactTime;

    private String notes;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "customer_care_flag", joinColumns = @JoinColumn(name = "customer_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "flag")
    private Set<CareFlag> careFlags = EnumSet.noneOf(CareFlag.class);

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CustomerPhone> phones = new ArrayList<>();

    protected Customer() {
    }

    Customer(Site site, CustomerType type, String name) {
        this.site = site;
        this.type = type;
        this.name = name;
        this.valueTier = ValueTier.ORDINARY;
    }

    void rename(String name) {
        this.name = name;
    }

    void changeType(CustomerType type) {
        this.type = type;
    }

    void moveTo(Site site) {
        this.site = site;
    }

    void describe(String email, String idNumber, ValueTier valueTier, Disposition disposition, LocalDate birthday,
            String preferredContactTime, String notes) {
        this.email = email;
        this.idNumber = idNumber;
        this.valueTier = valueTier;
        this.disposition = disposition;
        this.birthday = birthday;
        this.preferredContactTime = preferredContactTime;
        this.notes = notes;
    }

    void replaceCareFlags(Collection<CareFlag> flags) {
        careFlags.clear();
        careFlags.addAll(flags);
    }

    /**
     * Replaces the phone list, keeping rows whose number stays so that their ids survive; numbers are normalised
     * and a number given twice is kept once.
     */
    void replacePhones(List<String> numbers) {
        List<String> wanted = numbers.stream().map(PhoneNumbers::normalise).filter(n -> !n.isEmpty()).distinct().toList();
        phones.removeIf(phone -> !wanted.contains(phone.getNumber()));
        for (int position = 0; position < wanted.size(); position++) {
            String number = wanted.get(position);
            CustomerPhone existing = phones.stream().filter(p -> p.getNumber().equals(number)).findFirst().orElse(null);
            if (existing == null) {
                phones.add(new CustomerPhone(this, number, position));
            } else {
                existing.moveTo(position);
            }
        }
        phones.sort((a, b) -> Integer.compare(a.getPosition(), b.getPosition()));
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public CustomerType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getIdNumber() {
        return idNumber;
    }

    /** The ID or licence number as most staff may see it: only the last four characters. */
    public String getMaskedIdNumber() {
        return IdNumbers.mask(idNumber);
    }

    public ValueTier getValueTier() {
        return valueTier;
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public String getPreferredContactTime() {
        return preferredContactTime;
    }

    public String getNotes() {
        return notes;
    }

    public Set<CareFlag> getCareFlags() {
        return Collections.unmodifiableSet(careFlags);
    }

    public List<CustomerPhone> getPhones() {
        return Collections.unmodifiableList(phones);
    }

    public List<String> getPhoneNumbers() {
        return phones.stream().map(CustomerPhone::getNumber).toList();
    }
}
