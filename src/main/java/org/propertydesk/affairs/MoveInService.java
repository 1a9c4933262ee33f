package org.propertydesk.affairs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.propertydesk.records.Handovers;
import org.propertydesk.records.Handovers.CustomerRef;
import org.propertydesk.records.Handovers.HouseRef;
import org.propertydesk.records.HistoryKind;
import org.propertydesk.records.HouseStatus;
import org.propertydesk.records.OccupancyRole;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Move-in handovers: the checklist is kept as signed, and completing it moves the occupant in, marks the house lived
 * in and writes the handover into the house's history, all or nothing.
 */
@Service
@Transactional
class MoveInService {

    private static final String SELECT = """
            select m.*, h.code as house_code, s.name as site_name, c.name as customer_name
            from move_in_handover m join house h on h.id = m.house_id join site s on s.id = m.site_id
            join customer c on c.id = m.customer_id
            """;

    private final JdbcClient jdbc;
    private final Handovers records;
    private final MessageSource messages;
    private final Dates dates;

    MoveInService(JdbcClient jdbc, Handovers records, MessageSource messages, Dates dates) {
        this.jdbc = jdbc;
        this.records = records;
        this.messages = messages;
        this.dates = dates;
    }

    record MoveIn(long id, long houseId, String houseCode, String siteName, long customerId, String customerName,
            OccupancyRole role, LocalDate handoverDate, List<MoveInDocument> documents, int keysHanded,
            BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading, String itemsIssued,
            String confirmedByName, Instant createdAt, String createdBy) {
    }

    /** The house, if the current user serves its site; otherwise it does not exist for them. */
    @Transactional(readOnly = true)
    HouseRef house(long houseId) {
        return records.house(houseId).orElseThrow(() -> new NotFoundException("House", houseId));
    }

    /**
     * The customer a phone number names on the site: the only one with that number, or, when a family shares it, the
     * one whose name the occupant signed with.
     */
    @Transactional(readOnly = true)
    Optional<Long> customer(long siteId, String phone, String signedName) {
        List<CustomerRef> found = records.customersByPhone(siteId, phone);
        if (found.size() == 1) {
            return Optional.of(found.get(0).id());
        }
        return found.stream().filter(c -> c.name().equals(signedName)).map(CustomerRef::id).findFirst();
    }

    long complete(HouseRef house, long customerId, MoveInForm form) {
        records.startOccupancy(customerId, house.id(), form.getRole(), form.getHandoverDate());
        long id = jdbc.sql("""
                insert into move_in_handover (site_id, house_id, customer_id, occupancy_role, handover_date, documents,
                        keys_handed, water_reading, electricity_reading, gas_reading, items_issued, confirmed_by_name,
                        created_at, created_by)
                values (:site, :house, :customer, :role, :date, :documents, :keys, :water, :electricity, :gas, :items,
                        :confirmedBy, :now, :by)
                returning id
                """)
                .param("site", house.siteId()).param("house", house.id()).param("customer", customerId)
                .param("role", form.getRole().name()).param("date", form.getHandoverDate())
                .param("documents", form.getDocuments().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("keys", form.getKeysHanded()).param("water", form.getWaterReading())
                .param("electricity", form.getElectricityReading()).param("gas", form.getGasReading())
                .param("items", form.getItemsIssued()).param("confirmedBy", form.getConfirmedByName())
                .param("now", Timestamp.from(dates.now())).param("by", CurrentUser.username())
                .query(Long.class).single();
        records.setStatus(house.id(), form.getRole() == OccupancyRole.TENANT ? HouseStatus.RENTED : HouseStatus.OCCUPIED);
        String gas = form.getGasReading() == null ? "-" : form.getGasReading().toPlainString();
        String meters = message("movein.history.meters", form.getWaterReading().toPlainString(),
                form.getElectricityReading().toPlainString(), gas);
        records.addHistory(house.id(), HistoryKind.USAGE, form.getHandoverDate(), message("movein.history",
                form.getConfirmedByName(), message("occupancyRole." + form.getRole()), form.getKeysHanded(), meters));
        return id;
    }

    @Transactional(readOnly = true)
    MoveIn get(long id) {
        MoveIn moveIn = jdbc.sql(SELECT + " where m.id = ?").params(id).query(MoveInService::row).optional()
                .orElseThrow(() -> new NotFoundException("MoveIn", id));
        house(moveIn.houseId());
        return moveIn;
    }

    @Transactional(readOnly = true)
    List<MoveIn> forHouse(long houseId) {
        house(houseId);
        return jdbc.sql(SELECT + " where m.house_id = ? order by m.handover_date desc, m.id desc").params(houseId)
                .query(MoveInService::row).list();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static MoveIn row(ResultSet rs, int row) throws SQLException {
        List<MoveInDocument> documents = Arrays.stream(rs.getString("documents").split(","))
                .map(MoveInDocument::valueOf).toList();
        return new MoveIn(rs.getLong("id"), rs.getLong("house_id"), rs.getString("house_code"), rs.getString("site_name"),
                rs.getLong("customer_id"), rs.getString("customer_name"), OccupancyRole.valueOf(rs.getString("occupancy_role")),
                rs.getObject("handover_date", LocalDate.class), documents, rs.getInt("keys_handed"),
                rs.getBigDecimal("water_reading"), rs.getBigDecimal("electricity_reading"), rs.getBigDecimal("gas_reading"),
                rs.getString("items_issued"), rs.getString("confirmed_by_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
