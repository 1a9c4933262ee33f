package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction index over the latest questionnaires for a set of sites together, per service line and overall,
 * for dashboards and reports; the same formula and the same ratings as the survey results ({@link IndexQueries}),
 * community activities' ratings included.
 */
@Component
@Transactional(readOnly = true)
public class SatisfactionTrend {

    /**
     * A questionnaire's index for a service line ({@code line} is the line's code, or null for all its rating
     * answers), and the number of ratings behind it.
     */
    public record Point(long questionnaireId, String title, LocalDate opensOn, String line, BigDecimal index, long ratings) {
    }

    private final JdbcClient jdbc;

    SatisfactionTrend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static BigDecimal national() {
        return SatisfactionIndex.NATIONAL;
    }

    /** The service lines' codes, in the order the surveys list them. */
    public static List<String> lines() {
        return Arrays.stream(ServiceLine.values()).map(Enum::name).toList();
    }

    /**
     * The last {@code questionnaires} questionnaires that opened by {@code until} and have rating answers from these
     * sites, oldest first, with one point per service line and one for all lines. The sites' ratings are read once
     * (the view joins three tables) for both the choice of questionnaires and their figures.
     */
    public List<Point> latest(Collection<Long> siteIds, LocalDate until, int questionnaires) {
        return jdbc.sql("""
                with rated as (
                    select a.questionnaire_id, a.service_line, a.rating
                    from satisfaction_rating a
                    where a.site_id = any(:sites)
                ), recent as (
                    select qn.id, qn.title, qn.opens_on
                    from questionnaire qn
                    where qn.opens_on <= :until and qn.id in (select questionnaire_id from rated)
                    order by qn.opens_on desc, qn.id desc
                    limit :limit
                )
                select recent.id, recent.title, recent.opens_on, a.service_line, %s as idx, count(*) as ratings
                from recent
                join rated a on a.questionnaire_id = recent.id
                group by grouping sets ((recent.id, recent.title, recent.opens_on, a.service_line),
                                        (recent.id, recent.title, recent.opens_on))
                order by recent.opens_on, recent.id, a.service_line nulls first
                """.formatted(SatisfactionIndex.SQL))
                .param("until", until).param("limit", questionnaires)
                .param("sites", siteIds.isEmpty() ? new Long[] {-1L} : siteIds.toArray(Long[]::new))
                .query((rs, n) -> new Point(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getBigDecimal(5), rs.getLong(6)))
                .list();
    }
}
