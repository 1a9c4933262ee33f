package org.propertydesk.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers, where they live and what was said with them. Every change to a customer or their occupancies leaves a
 * readable line in the customer's change history.
 */
@Service
@Transactional
class CustomerService {

    private final CustomerRepository customers;
    private final OccupancyRepository occupancies;
    private final CommunicationRepository communications;
    private final CustomerChangeRepository changes;
    private final SiteService sites;
    private final HouseService houses;
    private final HouseRepository houseRepository;
    private final Dates dates;

    CustomerService(CustomerRepository customers, OccupancyRepository occupancies, CommunicationRepository communications,
            CustomerChangeRepository changes, SiteService sites, HouseService houses, HouseRepository houseRepository,
            Dates dates) {
        this.customers = customers;
        this.occupancies = occupancies;
        this.communications = communications;
        this.changes = changes;
        this.sites = sites;
        this.houses = houses;
        this.houseRepository = houseRepository;
        this.dates = dates;
    }

    record CustomerFilter(Long siteId, CustomerType type, String name) {

        String namePattern() {
            if (name == null || name.isBlank()) {
                return null;
            }
            return "%" + name.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    /** A page of customers with their current houses, fetched in two queries for the whole page. */
    record CustomerRow(Customer customer, List<Occupancy> currentOccupancies) {
    }

    @Transactional(readOnly = true)
    Page<CustomerRow> search(CustomerFilter filter, SiteScope scope, Pageable pageable) {
        Page<Customer> page = customers.search(scope.allSites(), scope.idsForQuery(), filter.siteId(), filter.type(),
                filter.namePattern(), pageable);
        List<Long> ids = page.getContent().stream().map(Customer::getId).toList();
        List<Customer> detailed = ids.isEmpty() ? List.of() : customers.findDetailedByIdIn(ids);
        var byCustomer = ids.isEmpty() ? java.util.Map.<Long, List<Occupancy>>of()
                : occupancies.findCurrentByCustomerIds(ids).stream()
                        .collect(Collectors.groupingBy(o -> o.getCustomer().getId()));
        var detailById = detailed.stream().collect(Collectors.toMap(Customer::getId, c -> c));
        return page.map(c -> new CustomerRow(detailById.getOrDefault(c.getId(), c), byCustomer.getOrDefault(c.getId(), List.of())));
    }

    @Transactional(readOnly = true)
    Customer get(long id) {
        Customer customer = customers.findDetailedById(id).orElseThrow(() -> new NotFoundException("Customer", id));
        SiteScope scope = RecordsAccess.scope();
        if (!scope.allSites() && !customers.isVisibleIn(id, scope.idsForQuery())) {
            throw new NotFoundException("Customer", id);
        }
        return customer;
    }

    /** Everything the front desk needs about one customer, on one page. */
    record Customer360(Customer customer, List<Occupancy> occupancies, List<Occupancy> coOccupants,
            Page<Communication> communications, Page<CustomerChange> changes) {

        public List<Occupancy> currentOccupancies() {
            return occupancies.stream().filter(Occupancy::isCurrent).toList();
        }

        public List<Occupancy> pastOccupancies() {
            return occupancies.stream().filter(o -> !o.isCurrent()).toList();
        }
    }

    @Transactional(readOnly = true)
    Customer360 view(long id, int communicationPage) {
        Customer customer = get(id);
        SiteScope scope = RecordsAccess.scope();
        List<Occupancy> own = occupancies.findByCustomer(id).stream()
                .filter(o -> scope.includes(o.getHouse().getSite().getId())).toList();
        List<Long> currentHouses = own.stream().filter(Occupancy::isCurrent).map(o -> o.getHouse().getId()).toList();
        List<Occupancy> others = currentHouses.isEmpty() ? List.of()
                : occupancies.findCurrentByHouseIds(currentHouses).stream()
                        .filter(o -> !o.getCustomer().getId().equals(id)).toList();
        return new Customer360(customer, own, others,
                communications.findByCustomer(id, PageRequest.of(Math.max(communicationPage, 0), 10)),
                changes.findByCustomer(id, PageRequest.of(0, 30)));
    }

    Customer create(CustomerForm form) {
        Site site = sites.get(form.getSiteId());
        Customer customer = new Customer(site, form.getType(), form.getName());
        apply(customer, form);
        customers.save(customer);
        log(customer.getId(), "customer.change.created", null, customer.getName());
        if (form.getHouseId() != null) {
            House house = houses.get(form.getHouseId());
            boolean hasPrimary = occupancies.findCurrentByHouseIds(List.of(house.getId())).stream()
                    .anyMatch(Occupancy::isPrimaryContact);
            moveIn(customer, house, form.getRole(), dates.today(), !hasPrimary);
        }
        return customer;
    }

    void update(long id, CustomerForm form) {
        Customer customer = get(id);
        BusinessRuleException.requireVersion(form.getVersion(), customer.getVersion());
        if (form.getIdNumber() == null && !RecordsAccess.maySeeFullIdNumbers()) {
            form.setIdNumber(customer.getIdNumber());
        }
        List<String[]> diff = new ArrayList<>();
        if (!Objects.equals(customer.getSite().getId(), form.getSiteId())) {
            Site site = sites.get(form.getSiteId());
            diff.add(new String[] {"customer.site", customer.getSite().getName(), site.getName()});
            customer.moveTo(site);
        }
        compare(diff, "customer.type", token("customerType", customer.getType()), token("customerType", form.getType()));
        compare(diff, "customer.name", customer.getName(), form.getName());
        compare(diff, "customer.phones", String.join(", ", customer.getPhoneNumbers()),
                String.join(", ", form.enteredPhones().stream().map(PhoneNumbers::normalise).distinct().toList()));
        compare(diff, "customer.email", customer.getEmail(), form.getEmail());
        if (!Objects.equals(customer.getIdNumber(), form.getIdNumber())) {
            diff.add(new String[] {"customer.idNumber", IdNumbers.mask(customer.getIdNumber()), IdNumbers.mask(form.getIdNumber())});
        }
        compare(diff, "customer.valueTier", token("valueTier", customer.getValueTier()), token("valueTier", form.getValueTier()));
        compare(diff, "customer.disposition", token("disposition", customer.getDisposition()),
                token("disposition", form.getDisposition()));
        compare(diff, "customer.birthday", customer.getBirthday(), form.getBirthday());
        compare(diff, "customer.preferredContactTime", customer.getPreferredContactTime(), form.getPreferredContactTime());
        compare(diff, "customer.notes", customer.getNotes(), form.getNotes());
        compare(diff, "customer.careFlags", sorted(customer.getCareFlags()), sorted(form.getCareFlags()));
        customer.changeType(form.getType());
        customer.rename(form.getName());
        apply(customer, form);
        for (String[] line : diff) {
            log(id, line[0], line[1], line[2]);
        }
    }

    private void apply(Customer customer, CustomerForm form) {
        customer.describe(form.getEmail(), form.getIdNumber(), form.getValueTier(), form.getDisposition(),
                form.getBirthday(), form.getPreferredContactTime(), form.getNotes());
        customer.replacePhones(form.enteredPhones());
        customer.replaceCareFlags(form.getCareFlags());
    }

    Occupancy addOccupancy(long customerId, OccupancyForm form) {
        Customer customer = get(customerId);
        String code = HouseCode.parse(form.getHouseCode()).map(HouseCode::toString)
                .orElseThrow(() -> new BusinessRuleException("occupancy.error.houseNotation", form.getHouseCode()));
        RecordsAccess.requireSite(form.getSiteId(), "Site", form.getSiteId());
        House house = houseRepository.findBySiteIdAndCode(form.getSiteId(), code)
                .orElseThrow(() -> new BusinessRuleException("occupancy.error.houseNotFound", code));
        return moveIn(customer, house, form.getRole(), form.getStartDate(), form.isPrimaryContact());
    }

    private Occupancy moveIn(Customer customer, House house, OccupancyRole role, LocalDate since, boolean primary) {
        if (!occupancies.findCurrent(customer.getId(), house.getId(), role).isEmpty()) {
            throw new BusinessRuleException("occupancy.error.duplicate");
        }
        if (primary) {
            occupancies.findCurrentByHouseIds(List.of(house.getId())).forEach(o -> o.markPrimaryContact(false));
        }
        Occupancy occupancy = occupancies.save(new Occupancy(customer, house, role, since, primary));
        log(customer.getId(), "customer.change.movedIn", null, house.getSite().getName() + " " + house.getCode() + " · " + token("occupancyRole", role));
        return occupancy;
    }

    void moveOut(long occupancyId, LocalDate endDate) {
        Occupancy occupancy = visibleOccupancy(occupancyId);
        occupancy.moveOut(endDate);
        House house = occupancy.getHouse();
        log(occupancy.getCustomer().getId(), "customer.change.movedOut", house.getSite().getName() + " " + house.getCode()
                + " · " + token("occupancyRole", occupancy.getRole()), String.valueOf(endDate));
    }

    void makePrimaryContact(long occupancyId) {
        Occupancy occupancy = visibleOccupancy(occupancyId);
        if (!occupancy.isCurrent()) {
            throw new BusinessRuleException("occupancy.error.alreadyEnded");
        }
        occupancies.findCurrentByHouseIds(List.of(occupancy.getHouse().getId())).forEach(o -> o.markPrimaryContact(false));
        occupancy.markPrimaryContact(true);
        log(occupancy.getCustomer().getId(), "customer.change.primaryContact", null, occupancy.getHouse().getCode());
    }

    /** An occupancy of a house in one of the current user's sites; any other is "not found". */
    private Occupancy visibleOccupancy(long occupancyId) {
        Occupancy occupancy = occupancies.findById(occupancyId).orElseThrow(() -> new NotFoundException("Occupancy", occupancyId));
        RecordsAccess.requireSite(occupancy.getHouse().getSite().getId(), "Occupancy", occupancyId);
        return occupancy;
    }

    void addCommunication(long customerId, CommunicationForm form) {
        Customer customer = get(customerId);
        House house = form.getHouseId() == null ? null : houses.get(form.getHouseId());
        communications.save(new Communication(customer, house, form.getChannel(), form.getDirection(), form.getSummary(),
                CurrentUser.username(), CurrentUser.displayName(), dates.now(), dates.now()));
    }

    private void log(Long customerId, String field, String oldValue, String newValue) {
        changes.save(new CustomerChange(customerId, dates.now(), CurrentUser.username(), field, truncate(oldValue), truncate(newValue)));
    }

    private static void compare(List<String[]> diff, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            diff.add(new String[] {field, before == null ? null : before.toString(), after == null ? null : after.toString()});
        }
    }

    private static String sorted(Collection<CareFlag> flags) {
        return flags.stream().map(flag -> token("careFlag", flag)).sorted().collect(Collectors.joining(", "));
    }

    /** An enum value written as its message key, so the change history reads in the reader's language. */
    private static String token(String prefix, Enum<?> value) {
        return value == null ? null : prefix + "." + value.name();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
    }
}
