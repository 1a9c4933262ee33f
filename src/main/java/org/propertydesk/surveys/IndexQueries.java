package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The satisfaction index per site and service line, computed in SQL with {@link SatisfactionIndex#SQL} over the view
 * {@code satisfaction_rating}: the rating answers of the responses, and the ratings attendees gave the site's
 * community activities, which count in the ACTIVITIES line of the first questionnaire for the site (not a draft)
 * that closes on or after the day the activity was held.
 */
@Component
class IndexQueries {

    private final JdbcClient jdbc;

    IndexQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An index cell: the site, the line (null for all lines of the site), the index and how many ratings it has. */
    record Cell(long siteId, ServiceLine line, BigDecimal index, long ratings) {
    }

    /** Per site and service line, for the given sites. */
    List<Cell> bySiteAndLine(long questionnaireId, Collection<Long> siteIds) {
        return jdbc.sql("""
                select a.site_id, a.service_line, %s as idx, count(*) as ratings
                from satisfaction_rating a
                where a.questionnaire_id = :id and a.site_id = any(:sites)
                group by a.site_id, a.service_line
                """.formatted(SatisfactionIndex.SQL))
                .param("id", questionnaireId).param("sites", ids(siteIds))
                .query((rs, n) -> new Cell(rs.getLong(1), ServiceLine.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** Per site over every rating answer there. */
    List<Cell> bySite(long questionnaireId, Collection<Long> siteIds) {
        return jdbc.sql("""
                select a.site_id, %s as idx, count(*) as ratings
                from satisfaction_rating a
                where a.questionnaire_id = :id and a.site_id = any(:sites)
                group by a.site_id
                """.formatted(SatisfactionIndex.SQL))
                .param("id", questionnaireId).param("sites", ids(siteIds))
                .query((rs, n) -> new Cell(rs.getLong(1), null, rs.getBigDecimal(2), rs.getLong(3)))
                .list();
    }

    /** Per service line over the given sites together (site id 0). */
    List<Cell> byLine(long questionnaireId, Collection<Long> siteIds) {
        return jdbc.sql("""
                select a.service_line, %s as idx, count(*) as ratings
                from satisfaction_rating a
                where a.questionnaire_id = :id and a.site_id = any(:sites)
                group by a.service_line
                """.formatted(SatisfactionIndex.SQL))
                .param("id", questionnaireId).param("sites", ids(siteIds))
                .query((rs, n) -> new Cell(0, ServiceLine.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getLong(3)))
                .list();
    }

    /**
     * The index of the previous questionnaire for the same site and service line: the latest one opened before this
     * one (by opening day, then creation) that has ratings for that site and line.
     */
    List<Cell> previousBySiteAndLine(long questionnaireId, LocalDate opensOn, Collection<Long> siteIds) {
        return jdbc.sql("""
                with earlier as (
                    select a.site_id, a.service_line, qn.opens_on, qn.id as qid, %s as idx, count(*) as ratings
                    from satisfaction_rating a
                    join questionnaire qn on qn.id = a.questionnaire_id
                    where a.site_id = any(:sites) and qn.id <> :id
                      and (qn.opens_on < :opensOn or (qn.opens_on = :opensOn and qn.id < :id))
                    group by a.site_id, a.service_line, qn.opens_on, qn.id
                )
                select distinct on (site_id, service_line) site_id, service_line, idx, ratings
                from earlier order by site_id, service_line, opens_on desc, qid desc
                """.formatted(SatisfactionIndex.SQL))
                .param("id", questionnaireId).param("opensOn", opensOn).param("sites", ids(siteIds))
                .query((rs, n) -> new Cell(rs.getLong(1), ServiceLine.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    private static Long[] ids(Collection<Long> siteIds) {
        return siteIds.isEmpty() ? new Long[] {-1L} : siteIds.toArray(Long[]::new);
    }
}
