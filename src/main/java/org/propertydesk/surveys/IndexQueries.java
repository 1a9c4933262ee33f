package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The satisfaction index per site and service line, computed in SQL with {@link SatisfactionIndex#SQL}. */
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
                select r.site_id, q.service_line, %s as idx, count(*) as ratings
                from survey_answer a
                join survey_response r on r.id = a.response_id
                join survey_question q on q.id = a.question_id
                where r.questionnaire_id = :id and r.site_id = any(:sites) and a.rating is not null
                group by r.site_id, q.service_line
                """.formatted(SatisfactionIndex.SQL))
                .param("id", questionnaireId).param("sites", ids(siteIds))
                .query((rs, n) -> new Cell(rs.getLong(1), ServiceLine.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** Per site over every rating answer there. */
    List<Cell> bySite(long questionnaireId, Collection<Long> siteIds) {
        return jdbc.sql("""
                select r.site_id, %s as idx, count(*) as ratings
                from survey_answer a
                join survey_response r on r.id = a.response_id
                where r.questionnaire_id = :id and r.site_id = any(:sites) and a.rating is not null
                group by r.site_id
                """.formatted(SatisfactionIndex.SQL))
                .param("id", questionnaireId).param("sites", ids(siteIds))
                .query((rs, n) -> new Cell(rs.getLong(1), null, rs.getBigDecimal(2), rs.getLong(3)))
                .list();
    }

    /** Per service line over the given sites together (site id 0). */
    List<Cell> byLine(long questionnaireId, Collection<Long> siteIds) {
        return jdbc.sql("""
                select q.service_line, %s as idx, count(*) as ratings
                from survey_answer a
                join survey_response r on r.id = a.response_id
                join survey_question q on q.id = a.question_id
                where r.questionnaire_id = :id and r.site_id = any(:sites) and a.rating is not null
                group by q.service_line
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
                    select r.site_id, q.service_line, qn.opens_on, qn.id as qid, %s as idx, count(*) as ratings
                    from survey_answer a
                    join survey_response r on r.id = a.response_id
                    join survey_question q on q.id = a.question_id
                    join questionnaire qn on qn.id = r.questionnaire_id
                    where r.site_id = any(:sites) and a.rating is not null and qn.id <> :id
                      and (qn.opens_on < :opensOn or (qn.opens_on = :opensOn and qn.id < :id))
                    group by r.site_id, q.service_line, qn.opens_on, qn.id
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
