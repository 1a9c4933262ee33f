package org.propertydesk.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer as the front desk enters them. When created from a house page, the new customer moves into that house.
 */
class CustomerForm {

    /** The version the form was filled from, so that saving over someone else's change is refused. */
    private Long version;


    static final int MAX_PHONES = 5;

    @NotNull
    private Long siteId;

    @NotNull
    private CustomerType type = CustomerType.PERSON;

    @NotBlank
    @Size(max = 100)
    private String name;

    private List<String> phones = new ArrayList<>();

    @Email
    @Size(max = 200)
    private String email;

    @Size(max = 40)
    @Pattern(regexp = "[0-9A-Za-z\\-]*", message = "{customer.idNumber.pattern}")
    private String idNumber;

    @NotNull
    private ValueTier valueTier = ValueTier.ORDINARY;

    private Disposition disposition;

    @Past
    private LocalDate birthday;

    @Size(max = 100)
    private String preferredContactTime;

    @Size(max = 2000)
    private String notes;

    private Set<CareFlag> careFlags = EnumSet.noneOf(CareFlag.class);

    private Long houseId;

    private OccupancyRole role = OccupancyRole.OWNER;

    static CustomerForm of(Customer customer) {
        CustomerForm form = new CustomerForm();
        form.version = customer.getVersion();
        form.siteId = customer.getSite().getId();
        form.type = customer.getType();
        form.name = customer.getName();
        form.phones = new ArrayList<>(customer.getPhoneNumbers());
        form.email = customer.getEmail();
        form.idNumber = customer.getIdNumber();
        form.valueTier = customer.getValueTier();
        form.disposition = customer.getDisposition();
        form.birthday = customer.getBirthday();
        form.preferredContactTime = customer.getPreferredContactTime();
        form.notes = customer.getNotes();
        form.careFlags = customer.getCareFlags().isEmpty() ? EnumSet.noneOf(CareFlag.class) : EnumSet.copyOf(customer.getCareFlags());
        return form;
    }

    /** Pads the phone inputs so the form always offers empty slots up to the maximum. */
    CustomerForm withPhoneSlots() {
        while (phones.size() < MAX_PHONES) {
            phones.add("");
        }
        return this;
    }

    List<String> enteredPhones() {
        return phones.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public CustomerType getType() {
        return type;
    }

    public void setType(CustomerType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public List<String> getPhones() {
        return phones;
    }

    public void setPhones(List<String> phones) {
        this.phones = phones == null ? new ArrayList<>() : new ArrayList<>(phones);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = blankToNull(email);
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase();
    }

    public ValueTier getValueTier() {
        return valueTier;
    }

    public void setValueTier(ValueTier valueTier) {
        this.valueTier = valueTier;
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public void setDisposition(Disposition disposition) {
        this.disposition = disposition;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    public String getPreferredContactTime() {
        return preferredContactTime;
    }

    public void setPreferredContactTime(String preferredContactTime) {
        this.preferredContactTime = blankToNull(preferredContactTime);
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = blankToNull(notes);
    }

    public Set<CareFlag> getCareFlags() {
        return careFlags;
    }

    public void setCareFlags(Set<CareFlag> careFlags) {
        this.careFlags = careFlags == null || careFlags.isEmpty() ? EnumSet.noneOf(CareFlag.class) : EnumSet.copyOf(careFlags);
    }

    public Long getHouseId() {
        return houseId;
    }

    public void setHouseId(Long houseId) {
        this.houseId = houseId;
    }

    public OccupancyRole getRole() {
        return role;
    }

    public void setRole(OccupancyRole role) {
        this.role = role;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
