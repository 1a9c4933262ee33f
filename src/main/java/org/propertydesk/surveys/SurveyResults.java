package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a questionnaire for the sites the reader serves: the response rate per site (households that
 * answered / households with someone currently living there), the distribution of answers per question, the
 * satisfaction index ({@link SatisfactionIndex}: mean of ratings mapped 1→0, 2→25, 3→50, 4→75, 5→100) per site and
 * per service line against the previous questionnaire and the national 72.3, and the comments. All sums are SQL.
 */
@Service
@Transactional(readOnly = true)
class SurveyResults {

    static final int COMMENTS_PAGE = 20;

    private final JdbcClient jdbc;
    private final IndexQueries indexes;
    private final SiteDirectory sites;
    private final RecordsDirectory records;

    SurveyResults(JdbcClient jdbc, IndexQueries indexes, SiteDirectory sites, RecordsDirectory records) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.sites = sites;
        this.records = records;
    }

    public record SiteResult(long siteId, String siteName, long households, long responses, BigDecimal rate,
            BigDecimal index, long ratings) {

        /** The rate as a whole percentage, for a bar. */
        public int ratePercent() {
            return rate == null ? 0 : Math.min(100, rate.setScale(0, RoundingMode.HALF_UP).intValue());
        }
    }

    public record LineResult(long siteId, String siteName, ServiceLine line, BigDecimal index, long ratings,
            BigDecimal previous, BigDecimal vsPrevious, BigDecimal vsNational) {

        public int indexPercent() {
            return index == null ? 0 : index.setScale(0, RoundingMode.HALF_UP).intValue();
        }

        public boolean below(BigDecimal threshold) {
            return index != null && index.compareTo(threshold) < 0;
        }
    }

    public record Bar(String label, long count, BigDecimal percent) {

        public int percentInt() {
            return percent.setScale(0, RoundingMode.HALF_UP).intValue();
        }
    }

    public record QuestionResult(SurveyQuestion question, long answered, List<Bar> bars) {
    }

    public record Comment(String siteName, String houseCode, String question, String text, Instant at,
            ResponseChannel channel) {
    }

    public record Results(List<SiteResult> sites, List<LineResult> lines, List<LineResult> lineTotals,
            List<QuestionResult> questions, long responses) {
    }

    /** The target sites the current person serves. */
    Set<Long> visibleSites(Questionnaire q) {
        var scope = CurrentUser.siteScope();
        return q.getSiteIds().stream().filter(scope::includes).collect(Collectors.toSet());
    }

    Results results(Questionnaire q) {
        Set<Long> siteIds = visibleSites(q);
        Map<Long, String> names = siteNames();
        Long[] ids = siteIds.toArray(Long[]::new);

        Map<Long, Long> households = counts("""
                select h.site_id, count(*) from house h
                where h.site_id = any(:sites)
                  and exists (select 1 from occupancy o where o.house_id = h.id and o.end_date is null)
                group by h.site_id
                """, Map.of("sites", ids));
        Map<Long, Long> answeredHouses = counts("""
                select r.site_id, count(distinct r.house_id) from survey_response r
                where r.questionnaire_id = :id and r.site_id = any(:sites)
                group by r.site_id
                """, Map.of("id", q.getId(), "sites", ids));
        Map<Long, IndexQueries.Cell> siteIndex = indexes.bySite(q.getId(), siteIds).stream()
                .collect(Collectors.toMap(IndexQueries.Cell::siteId, Function.identity()));
        List<SiteResult> siteResults = siteIds.stream()
                .map(id -> {
                    long h = households.getOrDefault(id, 0L);
                    long r = answeredHouses.getOrDefault(id, 0L);
                    IndexQueries.Cell cell = siteIndex.get(id);
                    return new SiteResult(id, names.getOrDefault(id, "#" + id), h, r, percent(r, h),
                            cell == null ? null : cell.index(), cell == null ? 0 : cell.ratings());
                })
                .sorted(java.util.Comparator.comparing(SiteResult::siteName))
                .toList();

        Map<String, IndexQueries.Cell> previous = indexes.previousBySiteAndLine(q.getId(), q.getOpensOn(), siteIds).stream()
                .collect(Collectors.toMap(c -> c.siteId() + ":" + c.line(), Function.identity()));
        List<LineResult> lines = indexes.bySiteAndLine(q.getId(), siteIds).stream()
                .map(c -> {
                    IndexQueries.Cell before = previous.get(c.siteId() + ":" + c.line());
                    BigDecimal prev = before == null ? null : before.index();
                    return new LineResult(c.siteId(), names.getOrDefault(c.siteId(), "#" + c.siteId()), c.line(), c.index(),
                            c.ratings(), prev, prev == null ? null : c.index().subtract(prev),
                            c.index().subtract(SatisfactionIndex.NATIONAL));
                })
                .sorted(java.util.Comparator.comparing(LineResult::siteName).thenComparing(LineResult::line))
                .toList();
        List<LineResult> totals = indexes.byLine(q.getId(), siteIds).stream()
                .map(c -> new LineResult(0, "", c.line(), c.index(), c.ratings(), null, null,
                        c.index().subtract(SatisfactionIndex.NATIONAL)))
                .sorted(java.util.Comparator.comparing(LineResult::line))
                .toList();

        long responses = jdbc.sql("select count(*) from survey_response where questionnaire_id = :id and site_id = any(:sites)")
                .param("id", q.getId()).param("sites", ids).query(Long.class).single();
        return new Results(siteResults, lines, totals, distribution(q, ids), responses);
    }

    private List<QuestionResult> distribution(Questionnaire q, Long[] ids) {
        Map<Long, Long> answered = counts("""
                select a.question_id, count(distinct a.response_id) from survey_answer a
                join survey_response r on r.id = a.response_id
                where r.questionnaire_id = :id and r.site_id = any(:sites)
                group by a.question_id
                """, Map.of("id", q.getId(), "sites", ids));
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                select a.question_id, coalesce(a.rating, a.option_no) as v, count(*) from survey_answer a
                join survey_response r on r.id = a.response_id
                where r.questionnaire_id = :id and r.site_id = any(:sites) and a.text is null
                group by a.question_id, coalesce(a.rating, a.option_no)
                """).param("id", q.getId()).param("sites", ids)
                .query(rs -> {
                    counts.put(rs.getLong(1) + ":" + rs.getInt(2), rs.getLong(3));
                });
        List<QuestionResult> results = new ArrayList<>();
        for (SurveyQuestion question : q.getQuestions()) {
            long total = answered.getOrDefault(question.getId(), 0L);
            List<Bar> bars = new ArrayList<>();
            if (question.getKind() == QuestionKind.RATING) {
                for (int rating = 5; rating >= 1; rating--) {
                    long n = counts.getOrDefault(question.getId() + ":" + rating, 0L);
                    bars.add(new Bar(String.valueOf(rating), n, percent(n, total)));
                }
            } else if (question.getKind().hasOptions()) {
                List<String> options = question.getOptionList();
                for (int i = 0; i < options.size(); i++) {
                    long n = counts.getOrDefault(question.getId() + ":" + i, 0L);
                    bars.add(new Bar(options.get(i), n, percent(n, total)));
                }
            }
            results.add(new QuestionResult(question, total, bars));
        }
        return results;
    }

    Page<Comment> comments(Questionnaire q, int page, int size) {
        Long[] ids = visibleSites(q).toArray(Long[]::new);
        int number = Math.max(page, 0);
        long total = jdbc.sql("""
                select count(*) from survey_answer a join survey_response r on r.id = a.response_id
                where r.questionnaire_id = :id and r.site_id = any(:sites) and a.text is not null
                """).param("id", q.getId()).param("sites", ids).query(Long.class).single();
        record Row(long siteId, long houseId, String question, String text, Instant at, ResponseChannel channel) {
        }
        List<Row> rows = jdbc.sql("""
                select r.site_id, r.house_id, q.text as question, a.text, r.submitted_at, r.channel
                from survey_answer a
                join survey_response r on r.id = a.response_id
                join survey_question q on q.id = a.question_id
                where r.questionnaire_id = :id and r.site_id = any(:sites) and a.text is not null
                order by r.submitted_at desc, a.id desc
                limit :size offset :offset
                """).param("id", q.getId()).param("sites", ids).param("size", size).param("offset", (long) number * size)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), ResponseChannel.valueOf(rs.getString(6))))
                .list();
        Map<Long, String> houseCodes = records.houses(rows.stream().map(Row::houseId).distinct().toList()).stream()
                .collect(Collectors.toMap(RecordsDirectory.HouseSummary::id, RecordsDirectory.HouseSummary::code));
        Map<Long, String> names = siteNames();
        List<Comment> comments = rows.stream()
                .map(r -> new Comment(names.getOrDefault(r.siteId(), ""), houseCodes.getOrDefault(r.houseId(), ""),
                        r.question(), r.text(), r.at(), r.channel()))
                .toList();
        return new PageImpl<>(comments, PageRequest.of(number, size), total);
    }

    private Map<Long, String> siteNames() {
        return sites.all().stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
    }

    private Map<Long, Long> counts(String sql, Map<String, ?> params) {
        Map<Long, Long> result = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.put(rs.getLong(1), rs.getLong(2));
        });
        return result;
    }

    /** part / whole as a percentage with one decimal; 0 when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

}
