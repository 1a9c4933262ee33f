package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A house's bills and what it owes, as of today in the display zone. The balance is everything unpaid; the overdue
 * part is what was due before today. Sums are made by the database, on numeric(12,2), so they are exact.
 */
@Service
@Transactional(readOnly = true)
class FeeLedger {

    private final JdbcClient jdbc;
    private final Dates dates;

    FeeLedger(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    record Bill(long id, String feeItem, String period, BigDecimal amountDue, BigDecimal amountPaid, LocalDate dueDate,
            long daysOverdue) {

        public BigDecimal outstanding() {
            return amountDue.subtract(amountPaid);
        }

        public boolean isPaid() {
            return amountPaid.compareTo(amountDue) >= 0;
        }

        public boolean isOverdue() {
            return !isPaid() && daysOverdue > 0;
        }

        /** The ageing band of an overdue bill; null for a paid one or one not yet due. */
        public ArrearsBucket bucket() {
            return isOverdue() ? ArrearsBucket.ofDays(daysOverdue).orElse(null) : null;
        }
    }

    /** What a house owes: everything unpaid, and the part of it past its due date. */
    record Balance(BigDecimal balance, BigDecimal overdue, LocalDate oldestOverdue) {

        static final Balance NONE = new Balance(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null);

        public boolean hasArrears() {
            return overdue.signum() > 0;
        }
    }

    record HouseBills(Balance balance, List<Bill> bills) {
    }

    LocalDate today() {
        return dates.today();
    }

    Instant now() {
        return dates.now();
    }

    /** The house's bills, latest due first. */
    HouseBills houseBills(long houseId) {
        LocalDate today = today();
        List<Bill> bills = jdbc.sql("""
                select id, fee_item, period, amount_due, amount_paid, due_date from fee_bill
                where house_id = :house order by due_date desc, fee_item, id
                """)
                .param("house", houseId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new Bill(rs.getLong("id"), rs.getString("fee_item"), rs.getString("period"),
                            rs.getBigDecimal("amount_due"), rs.getBigDecimal("amount_paid"), due,
                            Math.max(0, ChronoUnit.DAYS.between(due, today)));
                })
                .list();
        return new HouseBills(balances(List.of(houseId)).getOrDefault(houseId, Balance.NONE), bills);
    }

    /** Each house's balance; a house without bills is missing from the map. */
    Map<Long, Balance> balances(Collection<Long> houseIds) {
        Map<Long, Balance> balances = new HashMap<>();
        if (houseIds.isEmpty()) {
            return balances;
        }
        jdbc.sql("""
                select house_id,
                       sum(amount_due - amount_paid) as balance,
                       coalesce(sum(amount_due - amount_paid) filter (where due_date < :today), 0.00) as overdue,
                       min(due_date) filter (where due_date < :today and amount_paid < amount_due) as oldest
                from fee_bill where house_id = any(:houses)
                group by house_id
                """)
                .param("today", today())
                .param("houses", houseIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("house_id"), new Balance(rs.getBigDecimal("balance"),
                        rs.getBigDecimal("overdue"), rs.getObject("oldest", LocalDate.class))))
                .list()
                .forEach(entry -> balances.put(entry.getKey(), entry.getValue()));
        return balances;
    }

    /** The balances of several houses added up, as a household that occupies them owes them. */
    static Balance total(Collection<Balance> balances) {
        BigDecimal balance = Balance.NONE.balance();
        BigDecimal overdue = Balance.NONE.overdue();
        LocalDate oldest = null;
        for (Balance b : balances) {
            balance = balance.add(b.balance());
            overdue = overdue.add(b.overdue());
            if (b.oldestOverdue() != null && (oldest == null || b.oldestOverdue().isBefore(oldest))) {
                oldest = b.oldestOverdue();
            }
        }
        return new Balance(balance, overdue, oldest);
    }
}
