package org.propertydesk.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.propertydesk.shared.export.ExportWriter;
import org.propertydesk.shared.security.SiteScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Houses and customers of the user's sites, in the import's columns so that an export can be edited and imported
 * again. Rows are streamed from a server-side cursor (PostgreSQL uses one inside a transaction when a fetch size is
 * set) straight into the writer.
 */
@Service
class ExportService {

    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final ImportLabels labels;

    ExportService(DataSource dataSource, ImportLabels labels) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.labels = labels;
    }

    @Transactional(readOnly = true)
    void houses(SiteScope scope, Long siteId, ExportWriter writer, Locale locale) throws IOException {
        writer.row(ImportKind.HOUSES.headers(locale));
        jdbc.sql("""
                select s.code as site_code, h.code, h.floor, h.area, h.house_use, h.status, h.handover_date, h.warranty_end
                from house h join site s on s.id = h.site_id
                where (:allSites or h.site_id = any(:siteIds))
                  and (cast(:siteId as bigint) is null or h.site_id = :siteId)
                order by s.code, h.code
                """)
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("siteId", siteId)
                .query((RowCallbackHandler) rs -> write(writer, Arrays.asList(
                        rs.getString("site_code"),
                        rs.getString("code"),
                        rs.getObject("floor", Integer.class),
                        rs.getBigDecimal("area"),
                        labels.label(HouseUse.valueOf(rs.getString("house_use")), locale),
                        labels.label(HouseStatus.valueOf(rs.getString("status")), locale),
                        date(rs, "handover_date"),
                        date(rs, "warranty_end"))));
    }

    /**
     * One row per current occupancy in the user's sites, and one without a house for a customer of those sites who
     * lives in none of them. The site code is the house's, so that the row finds its house when imported again.
     */
    @Transactional(readOnly = true)
    void customers(SiteScope scope, Long siteId, boolean fullIdNumbers, ExportWriter writer, Locale locale) throws IOException {
        writer.row(ImportKind.CUSTOMERS.headers(locale));
        jdbc.sql("""
                with export_row as (
                    select o.customer_id, h.site_id, h.code as house_code, o.role, o.start_date, o.primary_contact
                    from occupancy o join house h on h.id = o.house_id
                    where o.end_date is null and (:allSites or h.site_id = any(:siteIds))
                    union all
                    select c.id, c.site_id, null, null, null, null
                    from customer c
                    where (:allSites or c.site_id = any(:siteIds))
                      and not exists (select 1 from occupancy o join house h on h.id = o.house_id
                                      where o.customer_id = c.id and o.end_date is null
                                        and (:allSites or h.site_id = any(:siteIds)))
                )
                select s.code as site_code, c.name, c.customer_type, c.email, c.id_number, c.value_tier,
                       (select string_agg(p.number, ';' order by p.position) from customer_phone p where p.customer_id = c.id) as phones,
                       r.house_code, r.role, r.start_date, r.primary_contact
                from export_row r
                join customer c on c.id = r.customer_id
                join site s on s.id = r.site_id
                where cast(:siteId as bigint) is null or r.site_id = :siteId
                order by s.code, c.name, c.id, r.house_code
                """)
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("siteId", siteId)
                .query((RowCallbackHandler) rs -> {
                    String idNumber = rs.getString("id_number");
                    String role = rs.getString("role");
                    Boolean primary = rs.getObject("primary_contact", Boolean.class);
                    write(writer, Arrays.asList(
                            rs.getString("site_code"),
                            rs.getString("name"),
                            labels.label(CustomerType.valueOf(rs.getString("customer_type")), locale),
                            rs.getString("phones"),
                            rs.getString("email"),
                            fullIdNumbers || idNumber == null ? idNumber : IdNumbers.mask(idNumber),
                            labels.label(ValueTier.valueOf(rs.getString("value_tier")), locale),
                            rs.getString("house_code"),
                            role == null ? null : labels.label(OccupancyRole.valueOf(role), locale),
                            date(rs, "start_date"),
                            primary == null ? null : labels.yesNo(primary, locale)));
                });
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static void write(ExportWriter writer, List<?> cells) {
        try {
            writer.row(cells);
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }
}
