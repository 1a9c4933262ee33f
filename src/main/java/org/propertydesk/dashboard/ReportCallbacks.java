package org.propertydesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The callbacks due in a selection's period at its sites, as the report lists them: those the dashboard counts as
 * due (cancelled ones, no longer needed, are left out), earliest due first.
 */
@Component
@Transactional(readOnly = true)
class ReportCallbacks {

    /** A callback with its request's number, who closed it and what the owner said. */
    record Row(String requestNumber, Instant dueAt, String status, Instant closedAt, String closedBy, Boolean solved,
            String satisfaction, String comment) {
    }

    private final JdbcClient jdbc;

    ReportCallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void each(Selection selection, Consumer<Row> consumer) {
        DashboardQueries.bind(jdbc.sql("""
                select r.number, c.due_at, c.status, c.closed_at, c.closed_by_name, c.solved, c.satisfaction, c.comment
                from callback c
                join service_request r on r.id = c.request_id
                where c.site_id = any(:sites) and c.due_at >= :from and c.due_at < :to and c.status <> 'CANCELLED'
                order by c.due_at, c.id
                """), selection, DrillFilter.NONE)
                .query((ResultSet rs) -> {
                    consumer.accept(new Row(rs.getString(1), instant(rs, 2), rs.getString(3), instant(rs, 4),
                            rs.getString(5), rs.getObject(6, Boolean.class), rs.getString(7), rs.getString(8)));
                });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
