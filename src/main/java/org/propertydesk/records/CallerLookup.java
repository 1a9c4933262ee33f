package org.propertydesk.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front desk's one search box: a name, any fragment of four or more digits of a phone number, or a house
 * ({@code 3-2-1502}, or a room number within the caller's sites). Matches are ranked: an exact phone or house first,
 * then the end of a phone number (what callers read out), then names, then other fragments.
 * Candidates come from one SQL statement backed by trigram and b-tree indexes; details for the page in two more.
 * Each kind of match keeps only customers the caller may see before it takes its best {@link #BRANCH_LIMIT}: four
 * digits match hundreds of numbers across a company, and the caller's own customers must not be crowded out.
 * <p>
 * Names are looked for among the customers registered at the caller's sites: a surname matches thousands across a
 * company, and a two-character name (most Chinese names) is too short for the trigram index, so searching every site
 * first read them all. A customer registered at another site who lives at one of the caller's is still found by
 * phone and by house.
 */
@Service
@Transactional(readOnly = true)
public class CallerLookup {

    static final int LIMIT = 20;

    /**
     * How many candidates one kind of match may bring before ranking: a surname or four common digits match thousands
     * of customers, and the best of them are what the agent needs, not all of them.
     */
    static final int BRANCH_LIMIT = 200;

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final OccupancyRepository occupancies;
    private final HouseRepository houses;

    CallerLookup(JdbcClient jdbc, CustomerRepository customers, OccupancyRepository occupancies, HouseRepository houses) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.occupancies = occupancies;
        this.houses = houses;
    }

    /** Why a customer matched, so the agent sees at a glance which of several callers it is. */
    public enum MatchReason {
        PHONE, HOUSE, ROOM, NAME
    }

    record Hit(Customer customer, MatchReason reason, List<Occupancy> currentOccupancies) {
    }

    record Result(String query, List<Hit> hits, List<House> emptyHouses) {

        public boolean isEmpty() {
            return hits.isEmpty() && emptyHouses.isEmpty();
        }
    }

    /** What the API and other modules get: the customer, their phones and current houses. */
    public record Match(Long customerId, String name, List<String> phones, List<MatchedHouse> houses, MatchReason reason) {
    }

    public record MatchedHouse(Long id, String code, String siteCode) {
    }

    public List<Match> lookup(String query, SiteScope scope) {
        return find(query, scope).hits().stream()
                .map(hit -> new Match(hit.customer().getId(), hit.customer().getName(), hit.customer().getPhoneNumbers(),
                        hit.currentOccupancies().stream()
                                .map(o -> new MatchedHouse(o.getHouse().getId(), o.getHouse().getCode(), o.getHouse().getSite().getCode()))
                                .distinct().toList(),
                        hit.reason()))
                .toList();
    }

    Result find(String rawQuery, SiteScope scope) {
        String query = rawQuery == null ? "" : rawQuery.strip();
        if (query.isEmpty()) {
            return new Result(query, List.of(), List.of());
        }
        String digits = query.matches("[0-9+()\\-\\s]+") ? PhoneNumbers.normalise(query) : "";
        Optional<HouseCode> house = HouseCode.parse(query);
        String room = query.matches("[0-9A-Za-z]{2,10}") ? query.toUpperCase() : null;
        String name = !digits.isEmpty() ? "" : query.length() <= 100 ? query : query.substring(0, 100);

        List<Object[]> candidates = jdbc.sql("""
                with candidate as (
                    (select p.customer_id, case when p.number = :digits then 100
                                                when p.number like '%' || :digits then 85
                                                else 60 end as score, 'PHONE' as reason
                     from customer_phone p join customer c on c.id = p.customer_id
                     where length(:digits) >= 4 and p.number like '%' || :digits || '%'
                       and (:allSites or c.site_id = any(:siteIds)
                            or exists (select 1 from occupancy o join house h on h.id = o.house_id
                                       where o.customer_id = c.id and o.end_date is null and h.site_id = any(:siteIds)))
                     order by score desc limit :branchLimit)
                  union all
                    select o.customer_id, 98, 'HOUSE'
                    from house h join occupancy o on o.house_id = h.id and o.end_date is null
                    where :houseCode <> '' and h.code = :houseCode and (:allSites or h.site_id = any(:siteIds))
                  union all
                    select o.customer_id, 70, 'ROOM'
                    from house h join occupancy o on o.house_id = h.id and o.end_date is null
                    where :room <> '' and h.room_no = :room and (:allSites or h.site_id = any(:siteIds))
                  union all
                    (select c.id, case when c.name = :name then 90
                                       when c.name like :namePrefix escape '\\' then 75
                                       else 50 end as score, 'NAME'
                     from customer c
                     where :name <> '' and c.name like :nameContains escape '\\'
                       and (:allSites or c.site_id = any(:siteIds))
                     order by score desc, c.name limit :branchLimit)
                ), best as (
                    select distinct on (customer_id) customer_id, score, reason
                    from candidate order by customer_id, score desc
                )
                select b.customer_id, b.reason
                from best b join customer c on c.id = b.customer_id
                order by b.score desc, c.name, c.id
                limit :limit
                """)
                .param("digits", digits)
                .param("houseCode", house.map(HouseCode::toString).orElse(""))
                .param("room", room == null ? "" : room)
                .param("name", name)
                .param("namePrefix", escapeLike(name) + "%")
                .param("nameContains", name.length() >= 2 ? "%" + escapeLike(name) + "%" : escapeLike(name) + "%")
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("limit", LIMIT)
                .param("branchLimit", BRANCH_LIMIT)
                .query((rs, n) -> new Object[] {rs.getLong(1), MatchReason.valueOf(rs.getString(2))})
                .list();

        Map<Long, MatchReason> reasons = new LinkedHashMap<>();
        candidates.forEach(row -> reasons.put((Long) row[0], (MatchReason) row[1]));
        List<Hit> hits = new ArrayList<>();
        if (!reasons.isEmpty()) {
            Map<Long, Customer> byId = customers.findDetailedByIdIn(reasons.keySet()).stream()
                    .collect(Collectors.toMap(Customer::getId, c -> c));
            Map<Long, List<Occupancy>> homes = occupancies.findCurrentByCustomerIds(reasons.keySet()).stream()
                    .collect(Collectors.groupingBy(o -> o.getCustomer().getId()));
            reasons.forEach((id, reason) -> {
                Customer customer = byId.get(id);
                if (customer != null) {
                    hits.add(new Hit(customer, reason, homes.getOrDefault(id, List.of()).stream()
                            .filter(o -> scope.includes(o.getHouse().getSite().getId())).toList()));
                }
            });
        }
        return new Result(query, hits, emptyHouses(house, scope));
    }

    /** A house that matches the notation but has nobody living in it still answers "which house is that?". */
    private List<House> emptyHouses(Optional<HouseCode> house, SiteScope scope) {
        if (house.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("""
                select h.id from house h
                where h.code = :code and (:allSites or h.site_id = any(:siteIds))
                  and not exists (select 1 from occupancy o where o.house_id = h.id and o.end_date is null)
                order by h.site_id limit :limit
                """)
                .param("code", house.get().toString())
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("limit", LIMIT)
                .query(Long.class)
                .list();
        return ids.isEmpty() ? List.of() : houses.findAllWithSiteByIdIn(ids);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
