package org.propertydesk.care;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.propertydesk.dashboard.Selection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage (reached / targeted households) per programme round and per site, and how cared-for households rate the
 * service beside everyone else; all counted in SQL. Reached means a contact that got through: done or declined.
 */
@Service
@Transactional(readOnly = true)
class CareCoverage {

    /** A round's households by where they stand; {@code percent} is null while nobody is targeted. */
    record Figures(long targeted, long reached, long notReachable, long open, BigDecimal percent) {

        static final Figures NONE = new Figures(0, 0, 0, 0, null);
    }

    record SiteCoverage(long siteId, String siteCode, String siteName, long programmes, Figures figures) {
    }

    /** Request ratings in the period: how many, the average stars and the 0–100 score the dashboard uses. */
    record Ratings(long count, BigDecimal averageStars, BigDecimal score) {
    }

    record Satisfaction(Ratings cared, Ratings others) {
    }

    private static final String FIGURES = """
            count(t.id),
            count(t.id) filter (where t.status in ('DONE', 'DECLINED')),
            count(t.id) filter (where t.status = 'NOT_REACHABLE'),
            count(t.id) filter (where t.status = 'OPEN'),
            round(100.0 * count(t.id) filter (where t.status in ('DONE', 'DECLINED')) / nullif(count(t.id), 0), 1)
            """;

    /** Households of a round that overlaps the period: a month for monthly programmes, the whole period otherwise. */
    private static final String ROUND_IN_PERIOD = """
            t.round_start <= :lastDay
            and (case when p.repeat_mode = 'MONTHLY' then cast(t.round_start + interval '1 month' - interval '1 day' as date)
                      else coalesce(p.ends_on, date '9999-12-31') end) >= :firstDay
            """;

    private final JdbcClient jdbc;

    CareCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figures ofRound(long programmeId, LocalDate round) {
        return jdbc.sql("select " + FIGURES + " from care_task t where t.programme_id = ? and t.round_start = ?")
                .params(programmeId, round).query((rs, n) -> figures(rs, 1)).single();
    }

    /** Each programme's figures for the round it shows today. */
    Map<Long, Figures> ofRounds(Collection<CareProgramme> programmes, LocalDate today) {
        Map<Long, Figures> result = new HashMap<>();
        if (programmes.isEmpty()) {
            return result;
        }
        Map<Long, LocalDate> rounds = new HashMap<>();
        programmes.forEach(p -> rounds.put(p.getId(), p.roundOn(today)));
        jdbc.sql("select t.programme_id, t.round_start, " + FIGURES + " from care_task t where t.programme_id in (:ids)"
                + " group by t.programme_id, t.round_start")
                .param("ids", rounds.keySet())
                .query((ResultSet rs) -> {
                    long programme = rs.getLong(1);
                    if (rs.getObject(2, LocalDate.class).equals(rounds.get(programme))) {
                        result.put(programme, figures(rs, 3));
                    }
                });
        return result;
    }

    /** Per selected site, the households of every programme round that overlaps the period. */
    List<SiteCoverage> perSite(Selection selection) {
        return jdbc.sql("""
                select s.id, s.code, s.name, count(distinct p.id),
                """ + FIGURES + """
                from site s
                left join care_programme p on p.site_id = s.id
                left join care_task t on t.programme_id = p.id and
                """ + ROUND_IN_PERIOD + """
                where s.id = any(:sites)
                group by s.id, s.code, s.name
                order by s.code
                """)
                .param("sites", selection.siteIds().toArray(Long[]::new))
                .param("firstDay", selection.period().firstDay())
                .param("lastDay", selection.period().lastDay())
                .query((rs, n) -> new SiteCoverage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        figures(rs, 5)))
                .list();
    }

    /**
     * Ratings of requests in the period, split by whether the household is cared for: the requester has a care flag,
     * or someone living at the request's house now does.
     */
    Satisfaction satisfaction(Selection selection) {
        Map<Boolean, Ratings> split = new HashMap<>();
        jdbc.sql("""
                select cared, count(*), round(avg(overall), 2), round(avg((overall - 1) * 25.0), 1)
                from (select rr.overall,
                             exists (select 1 from customer_care_flag f where f.customer_id = r.customer_id)
                             or exists (select 1 from occupancy o join customer_care_flag f on f.customer_id = o.customer_id
                                        where o.house_id = r.house_id and o.end_date is null) as cared
                      from request_rating rr join service_request r on r.id = rr.request_id
                      where rr.site_id = any(:sites) and rr.rated_at >= :from and rr.rated_at < :to) rated
                group by cared
                """)
                .param("sites", selection.siteIds().toArray(Long[]::new))
                .param("from", Timestamp.from(selection.period().from()))
                .param("to", Timestamp.from(selection.period().to()))
                .query((ResultSet rs) -> {
                    split.put(rs.getBoolean(1), new Ratings(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
                });
        Ratings none = new Ratings(0, null, null);
        return new Satisfaction(split.getOrDefault(true, none), split.getOrDefault(false, none));
    }

    private static Figures figures(ResultSet rs, int first) throws SQLException {
        return new Figures(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getBigDecimal(first + 4));
    }
}
