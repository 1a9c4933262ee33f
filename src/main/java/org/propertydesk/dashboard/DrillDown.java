package org.propertydesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests behind a dashboard figure: the drill's condition, narrowed by its filter, the latest received first.
 * Rows are read in SQL with the names they show, so a page of them is one query.
 */
@Service
@Transactional(readOnly = true)
public class DrillDown {

    /** An export stops here; a larger list is narrowed first. */
    public static final int MAX_EXPORT_ROWS = 100_000;

    /** One request of the list, with what the list and its exports show. */
    public record Row(long id, String number, String kind, String categoryZh, String categoryEn, String siteName,
            String houseCode, String channel, String priority, String status, Instant receivedAt,
            Instant acknowledgedAt, Instant arrivedAt, Instant resolvedAt, String ownerName, boolean breached) {
    }

    private static final String COLUMNS = """
            select r.id, r.number, r.kind, c.name_zh, c.name_en, s.name, h.code, r.channel, r.priority, r.status,
                   r.received_at, r.acknowledged_at, r.arrived_at, r.resolved_at, r.owner_name,
            """ + Drill.BREACHED.condition() + """

            from service_request r
            join request_category c on c.id = r.category_id
            join site s on s.id = r.site_id
            left join house h on h.id = r.house_id
            """;

    private final JdbcClient jdbc;

    DrillDown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Row> page(Selection selection, Drill drill, DrillFilter filter, Pageable pageable) {
        String where = " where " + drill.where() + filter.sql();
        long total = DashboardQueries.bind(jdbc.sql("select count(*) from service_request r" + where), selection, filter)
                .query(Long.class).single();
        List<Row> rows = DashboardQueries.bind(jdbc.sql(COLUMNS + where
                + " order by r.received_at desc, r.id desc limit :limit offset :offset"), selection, filter)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> row(rs)).list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Every row, up to {@link #MAX_EXPORT_ROWS}, handed over one by one so that an export streams. */
    public void each(Selection selection, Drill drill, DrillFilter filter, Consumer<Row> consumer) {
        DashboardQueries.bind(jdbc.sql(COLUMNS + " where " + drill.where() + filter.sql()
                + " order by r.received_at desc, r.id desc limit " + MAX_EXPORT_ROWS), selection, filter)
                .query((ResultSet rs) -> {
                    consumer.accept(row(rs));
                });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11), instant(rs, 12),
                instant(rs, 13), instant(rs, 14), rs.getString(15), rs.getBoolean(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
