package org.propertydesk.records;

import static org.propertydesk.records.ImportColumn.EMAIL;
import static org.propertydesk.records.ImportColumn.HOUSE;
import static org.propertydesk.records.ImportColumn.ID_NUMBER;
import static org.propertydesk.records.ImportColumn.NAME;
import static org.propertydesk.records.ImportColumn.PHONES;
import static org.propertydesk.records.ImportColumn.PRIMARY_CONTACT;
import static org.propertydesk.records.ImportColumn.ROLE;
import static org.propertydesk.records.ImportColumn.SITE_CODE;
import static org.propertydesk.records.ImportColumn.START_DATE;
import static org.propertydesk.records.ImportColumn.TYPE;
import static org.propertydesk.records.ImportColumn.VALUE_TIER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.springframework.stereotype.Component;

/**
 * Customers and where they live, from a file. A row is matched to a customer the user can see by ID number, or
 * else by name and any of its phones; a new one is created otherwise. Rows of one customer (one per house) meet the
 * same customer. The occupancy of a row is matched on customer, house and role among current ones, so a re-import
 * adds nothing. Imports add and correct, never remove: phones are added to the customer's list, blank cells keep
 * what is on record. Every change leaves a line in the customer's history, as edits through the form do.
 */
@Component
class CustomerImporter {

    record CustomerRow(int rowNumber, Site site, String name, CustomerType type, List<String> phones, String email,
            String idNumber, ValueTier valueTier, House house, OccupancyRole role, LocalDate startDate,
            Boolean primaryContact) {
    }

    private final CustomerRepository customers;
    private final OccupancyRepository occupancies;
    private final CustomerChangeRepository changes;
    private final ImportLabels labels;
    private final EntityManager entityManager;
    private final Dates dates;

    CustomerImporter(CustomerRepository customers, OccupancyRepository occupancies, CustomerChangeRepository changes,
            ImportLabels labels, EntityManager entityManager, Dates dates) {
        this.customers = customers;
        this.occupancies = occupancies;
        this.changes = changes;
        this.labels = labels;
        this.entityManager = entityManager;
        this.dates = dates;
    }

    ImportCheck<CustomerRow> check(List<ImportRecord> records, Map<String, Site> sitesByCode, Locale locale) {
        Map<String, House> houses = housesNamedIn(records, sitesByCode);
        List<ImportProblem> problems = new ArrayList<>();
        List<CustomerRow> rows = new ArrayList<>();
        Map<Long, Integer> primaryRowOfHouse = new HashMap<>();
        for (ImportRecord record : records) {
            ImportCells cells = new ImportCells(record, problems, labels);
            Site site = cells.site(SITE_CODE, sitesByCode);
            String name = cells.text(NAME, 100, true);
            CustomerType type = cells.choice(TYPE, CustomerType.class, locale);
            List<String> phones = cells.phones(PHONES, CustomerForm.MAX_PHONES);
            String email = cells.email(EMAIL);
            String idNumber = cells.idNumber(ID_NUMBER);
            ValueTier valueTier = cells.choice(VALUE_TIER, ValueTier.class, locale);
            HouseCode code = cells.houseCode(HOUSE, false);
            OccupancyRole role = cells.choice(ROLE, OccupancyRole.class, locale);
            LocalDate startDate = cells.date(START_DATE);
            Boolean primaryContact = cells.yesNo(PRIMARY_CONTACT);
            House house = null;
            if (code != null && site != null) {
                house = houses.get(site.getId() + "|" + code);
                if (house == null) {
                    cells.reject(HOUSE, "imports.problem.houseNotFound", code, site.getCode());
                }
            } else if (cells.isBlank(HOUSE) && !(cells.isBlank(ROLE) && cells.isBlank(START_DATE) && cells.isBlank(PRIMARY_CONTACT))) {
                cells.reject(HOUSE, "imports.problem.occupancyWithoutHouse");
            }
            if (house != null && Boolean.TRUE.equals(primaryContact)) {
                // Each house has one primary contact: a second in the file would silently take the first one's place.
                Integer first = primaryRowOfHouse.putIfAbsent(house.getId(), record.rowNumber());
                if (first != null) {
                    cells.reject(PRIMARY_CONTACT, "imports.problem.twoPrimaryContacts", first);
                }
            }
            if (cells.isValid()) {
                rows.add(new CustomerRow(record.rowNumber(), site, name, type, phones, email, idNumber, valueTier, house,
                        role == null ? OccupancyRole.OWNER : role, startDate, primaryContact));
            }
        }
        return new ImportCheck<>(records.size(), rows, problems);
    }

    /** The houses the rows name, keyed "siteId|code", read in one query per thousand codes. */
    private Map<String, House> housesNamedIn(List<ImportRecord> records, Map<String, Site> sitesByCode) {
        Set<Long> siteIds = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (ImportRecord record : records) {
            String siteCode = record.get(SITE_CODE);
            Site site = siteCode == null ? null : sitesByCode.get(siteCode.strip().toUpperCase(Locale.ROOT));
            Optional<HouseCode> code = HouseCode.parse(record.get(HOUSE));
            if (site != null && code.isPresent()) {
                siteIds.add(site.getId());
                codes.add(code.get().toString());
            }
        }
        Map<String, House> houses = new HashMap<>();
        for (List<String> chunk : ImportService.chunks(List.copyOf(codes))) {
            entityManager.createQuery("select h from House h join fetch h.site where h.site.id in :siteIds and h.code in :codes",
                            House.class)
                    .setParameter("siteIds", siteIds)
                    .setParameter("codes", chunk)
                    .getResultStream()
                    .forEach(house -> houses.put(house.getSite().getId() + "|" + house.getCode(), house));
        }
        return houses;
    }

    ImportSummary write(List<CustomerRow> rows, int skipped, SiteScope scope) {
        Known known = new Known(candidates(rows, scope));
        Map<Long, List<Occupancy>> currentByHouse = currentOccupancies(rows);
        List<ImportSummary.Outcome> outcomes = new ArrayList<>();
        for (CustomerRow row : rows) {
            Customer customer = known.match(row);
            ImportSummary.Outcome outcome = ImportSummary.Outcome.CREATED;
            if (customer == null) {
                customer = create(row);
            } else {
                outcome = update(customer, row) ? ImportSummary.Outcome.UPDATED : ImportSummary.Outcome.UNCHANGED;
            }
            known.add(customer);
            boolean movedIn = row.house() != null
                    && moveIn(customer, row, currentByHouse.computeIfAbsent(row.house().getId(), id -> new ArrayList<>()));
            outcomes.add(movedIn && outcome == ImportSummary.Outcome.UNCHANGED ? ImportSummary.Outcome.UPDATED : outcome);
        }
        return ImportSummary.of(outcomes, skipped);
    }

    /**
     * The customers the rows could mean: those the user can see whose ID number or one of whose phones appears in the
     * file, with their phones, in a few queries for the whole file.
     */
    private List<Customer> candidates(List<CustomerRow> rows, SiteScope scope) {
        List<String> idNumbers = rows.stream().map(CustomerRow::idNumber).filter(Objects::nonNull).distinct().toList();
        List<String> phones = rows.stream().flatMap(row -> row.phones().stream()).distinct().toList();
        Set<Long> ids = new LinkedHashSet<>();
        String visible = """
                (:allSites = true or c.site.id in :siteIds
                 or exists (select o.id from Occupancy o where o.customer = c and o.house.site.id in :siteIds))
                """;
        for (List<String> chunk : ImportService.chunks(idNumbers)) {
            ids.addAll(entityManager.createQuery("select c.id from Customer c where c.idNumber in :values and " + visible, Long.class)
                    .setParameter("values", chunk)
                    .setParameter("allSites", scope.allSites())
                    .setParameter("siteIds", scope.idsForQuery())
                    .getResultList());
        }
        for (List<String> chunk : ImportService.chunks(phones)) {
            ids.addAll(entityManager.createQuery("""
                            select distinct c.id from CustomerPhone p join p.customer c where p.number in :values and
                            """ + visible, Long.class)
                    .setParameter("values", chunk)
                    .setParameter("allSites", scope.allSites())
                    .setParameter("siteIds", scope.idsForQuery())
                    .getResultList());
        }
        List<Customer> found = new ArrayList<>();
        for (List<Long> chunk : ImportService.chunks(List.copyOf(ids))) {
            found.addAll(customers.findDetailedByIdIn(chunk));
        }
        found.sort(Comparator.comparing(Customer::getId));
        return found;
    }

    private Map<Long, List<Occupancy>> currentOccupancies(List<CustomerRow> rows) {
        List<Long> houseIds = rows.stream().map(CustomerRow::house).filter(Objects::nonNull).map(House::getId).distinct().toList();
        Map<Long, List<Occupancy>> byHouse = new HashMap<>();
        for (List<Long> chunk : ImportService.chunks(houseIds)) {
            occupancies.findCurrentByHouseIds(chunk)
                    .forEach(o -> byHouse.computeIfAbsent(o.getHouse().getId(), id -> new ArrayList<>()).add(o));
        }
        return byHouse;
    }

    private Customer create(CustomerRow row) {
        Customer customer = new Customer(row.site(), row.type() == null ? CustomerType.PERSON : row.type(), row.name());
        customer.describe(row.email(), row.idNumber(), row.valueTier() == null ? ValueTier.ORDINARY : row.valueTier(),
                null, null, null, null);
        customer.replacePhones(row.phones());
        customers.save(customer);
        log(customer, "customer.change.created", null, customer.getName());
        return customer;
    }

    private boolean update(Customer customer, CustomerRow row) {
        List<String[]> diff = new ArrayList<>();
        if (row.type() != null && row.type() != customer.getType()) {
            diff.add(new String[] {"customer.type", customer.getType().name(), row.type().name()});
            customer.changeType(row.type());
        }
        if (!row.name().equals(customer.getName())) {
            diff.add(new String[] {"customer.name", customer.getName(), row.name()});
            customer.rename(row.name());
        }
        List<String> phones = new ArrayList<>(customer.getPhoneNumbers());
        row.phones().stream().filter(number -> !phones.contains(number)).forEach(phones::add);
        if (phones.size() > customer.getPhoneNumbers().size()) {
            diff.add(new String[] {"customer.phones", String.join(", ", customer.getPhoneNumbers()), String.join(", ", phones)});
            customer.replacePhones(phones);
        }
        String email = row.email() == null ? customer.getEmail() : row.email();
        String idNumber = row.idNumber() == null ? customer.getIdNumber() : row.idNumber();
        ValueTier valueTier = row.valueTier() == null ? customer.getValueTier() : row.valueTier();
        int described = diff.size();
        if (!Objects.equals(email, customer.getEmail())) {
            diff.add(new String[] {"customer.email", customer.getEmail(), email});
        }
        if (!Objects.equals(idNumber, customer.getIdNumber())) {
            diff.add(new String[] {"customer.idNumber", IdNumbers.mask(customer.getIdNumber()), IdNumbers.mask(idNumber)});
        }
        if (valueTier != customer.getValueTier()) {
            diff.add(new String[] {"customer.valueTier", customer.getValueTier().name(), valueTier.name()});
        }
        if (diff.size() > described) {
            customer.describe(email, idNumber, valueTier, customer.getDisposition(), customer.getBirthday(),
                    customer.getPreferredContactTime(), customer.getNotes());
        }
        diff.forEach(line -> log(customer, line[0], line[1], line[2]));
        return !diff.isEmpty();
    }

    /** Adds the row's occupancy unless the customer already lives there in that role; true if anything changed. */
    private boolean moveIn(Customer customer, CustomerRow row, List<Occupancy> current) {
        House house = row.house();
        Occupancy existing = current.stream()
                .filter(o -> o.getCustomer().getId().equals(customer.getId()) && o.getRole() == row.role())
                .findFirst().orElse(null);
        boolean primary = Boolean.TRUE.equals(row.primaryContact());
        if (existing == null) {
            if (primary) {
                current.forEach(o -> o.markPrimaryContact(false));
            }
            LocalDate since = row.startDate() == null ? dates.today() : row.startDate();
            current.add(occupancies.save(new Occupancy(customer, house, row.role(), since, primary)));
            log(customer, "customer.change.movedIn", null, house.getSite().getName() + " " + house.getCode() + " (" + row.role() + ")");
            return true;
        }
        if (row.primaryContact() == null || existing.isPrimaryContact() == primary) {
            return false;
        }
        if (primary) {
            current.forEach(o -> o.markPrimaryContact(false));
            log(customer, "customer.change.primaryContact", null, house.getCode());
        }
        existing.markPrimaryContact(primary);
        return true;
    }

    private void log(Customer customer, String field, String oldValue, String newValue) {
        changes.save(new CustomerChange(customer.getId(), dates.now(), CurrentUser.username(), field, oldValue, newValue));
    }

    /** The customers known so far, by ID number and by name and phone, including those created by earlier rows. */
    private static final class Known {

        private final Map<String, Customer> byIdNumber = new HashMap<>();
        private final Map<String, Customer> byNameAndPhone = new HashMap<>();

        Known(Collection<Customer> customers) {
            customers.forEach(this::add);
        }

        void add(Customer customer) {
            if (customer.getIdNumber() != null) {
                byIdNumber.putIfAbsent(customer.getIdNumber(), customer);
            }
            customer.getPhoneNumbers().forEach(number -> byNameAndPhone.putIfAbsent(customer.getName() + "|" + number, customer));
        }

        /**
         * By ID number first; else by name and phone, but not a customer holding another ID number, who is someone
         * else of the same name sharing a phone (a family, a company switchboard).
         */
        Customer match(CustomerRow row) {
            if (row.idNumber() != null && byIdNumber.containsKey(row.idNumber())) {
                return byIdNumber.get(row.idNumber());
            }
            return row.phones().stream()
                    .map(number -> byNameAndPhone.get(row.name() + "|" + number))
                    .filter(Objects::nonNull)
                    .filter(c -> row.idNumber() == null || c.getIdNumber() == null || c.getIdNumber().equals(row.idNumber()))
                    .findFirst().orElse(null);
        }
    }
}
