package org.propertydesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two satisfaction surveys of both sites: last quarter's, closed, answered by about 40 % of households, and this
 * month's, open, with its first answers. Repairs score well, cleaning at the residential site poorly (so last
 * quarter's survey raised an improvement task), the rest in between. Bulk SQL, like the records.
 */
@Component
class DemoSurveys {

    /** Question text, service line, and the residential and tower sites' mean score out of 5. */
    private static final List<Object[]> RATINGS = List.of(
            new Object[] {"您对客服中心的服务态度和响应速度是否满意？", "CUSTOMER_SERVICE", 4.1, 4.3},
            new Object[] {"您对报修维修的及时性和质量是否满意？", "REPAIRS", 4.3, 4.0},
            new Object[] {"您对公共区域的保洁是否满意？", "CLEANING", 3.2, 3.9},
            new Object[] {"您对小区/大楼的安保和门岗管理是否满意？", "SECURITY", 3.8, 4.2},
            new Object[] {"您对停车管理是否满意？", "PARKING", 3.5, 3.6});

    private static final String[] COMMENTS = {"保洁阿姨很辛苦，但垃圾清运不够及时", "维修师傅上门很快，点赞",
            "希望地库的照明能改善", "快递柜旁边经常堆杂物", "门岗对外来人员登记越来越规范了", "停车位太紧张，晚上经常没位置",
            "客服电话有时打不通", "绿化修剪得很好"};

    private final JdbcTemplate jdbc;
    private final Dates dates;

    DemoSurveys(JdbcTemplate jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    void load(Random random, Instant now) {
        LocalDate today = dates.today();
        long lastQuarter = questionnaire("2026 年第三季度业主满意度调查", today.minusMonths(3).withDayOfMonth(1),
                today.minusMonths(3).withDayOfMonth(1).plusDays(20), "CLOSED", now);
        long thisMonth = questionnaire("2026 年第四季度业主满意度调查", today.minusDays(7), today.plusDays(14), "OPEN", now);
        answer(lastQuarter, 0.4, today.minusMonths(3).withDayOfMonth(1), 20, random, now);
        answer(thisMonth, 0.15, today.minusDays(7), 7, random, now);
        jdbc.update("""
                insert into improvement_task (questionnaire_id, site_id, service_line, index_value, status,
                                              created_at, created_by, updated_at, updated_by)
                select ?, s.id, 'CLEANING', 55.0, 'OPEN', ?, 'system', ?, 'system' from site s where s.code = 'CHY'
                """, lastQuarter, Timestamp.from(now), Timestamp.from(now));
    }

    private long questionnaire(String title, LocalDate opens, LocalDate closes, String status, Instant now) {
        long id = jdbc.queryForObject("""
                insert into questionnaire (title, intro, opens_on, closes_on, per_person, status, opened_at, closed_at,
                                           created_at, created_by, updated_at, updated_by)
                values (?, '感谢您抽出几分钟评价我们的服务，您的意见将直接用于改进。', ?, ?, false, ?, ?, ?, ?, 'manager', ?, 'manager')
                returning id
                """, Long.class, title, Date.valueOf(opens), Date.valueOf(closes), status,
                Timestamp.from(opens.atStartOfDay(dates.zone()).toInstant()),
                "CLOSED".equals(status) ? Timestamp.from(closes.plusDays(1).atStartOfDay(dates.zone()).toInstant()) : null,
                Timestamp.from(now), Timestamp.from(now));
        jdbc.update("insert into questionnaire_site (questionnaire_id, site_id) select ?, id from site", id);
        int position = 1;
        for (Object[] rating : RATINGS) {
            jdbc.update("""
                    insert into survey_question (questionnaire_id, position, kind, text, service_line, required)
                    values (?, ?, 'RATING', ?, ?, true)
                    """, id, position++, rating[0], rating[1]);
        }
        jdbc.update("""
                insert into survey_question (questionnaire_id, position, kind, text, required, options)
                values (?, ?, 'SINGLE_CHOICE', '您最希望我们优先改进哪一方面？', false, ?)
                """, id, position++, String.join("\n", "保洁", "安保", "停车", "维修", "社区活动"));
        jdbc.update("""
                insert into survey_question (questionnaire_id, position, kind, text, required)
                values (?, ?, 'FREE_TEXT', '您还有什么意见或建议？', false)
                """, id, position);
        return id;
    }

    /** Answers from a share of the occupied houses within the days it was open, scores around each site's mean. */
    private void answer(long questionnaire, double share, LocalDate opened, int days, Random random, Instant now) {
        List<Object[]> houses = jdbc.query("""
                select h.id, h.site_id, s.code, o.customer_id from house h join site s on s.id = h.site_id
                join occupancy o on o.house_id = h.id and o.end_date is null and o.primary_contact
                order by h.id
                """, (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)});
        List<Object[]> questions = jdbc.query("""
                select id, kind, service_line from survey_question where questionnaire_id = ? order by position
                """, (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, questionnaire);
        for (Object[] house : houses) {
            if (random.nextDouble() >= share) {
                continue;
            }
            boolean tower = "JQ".equals(house[2]);
            String channel = random.nextInt(10) < 6 ? "LINK" : random.nextBoolean() ? "PAPER" : "PHONE";
            Instant submitted = opened.atTime(8, 0).atZone(dates.zone()).toInstant()
                    .plusSeconds((long) (random.nextDouble() * days * 86_400));
            if (submitted.isAfter(now)) {
                submitted = now;
            }
            long response = jdbc.queryForObject("""
                    insert into survey_response (questionnaire_id, site_id, house_id, customer_id, channel, household_key,
                                                 submitted_at, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """, Long.class, questionnaire, house[1], house[0], house[3], channel, "H" + house[0],
                    Timestamp.from(submitted), Timestamp.from(submitted), "LINK".equals(channel) ? "owner" : "frontdesk");
            int line = 0;
            for (Object[] question : questions) {
                switch ((String) question[1]) {
                    case "RATING" -> {
                        double mean = (double) RATINGS.get(line++)[tower ? 3 : 2];
                        int stars = (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.8)));
                        jdbc.update("insert into survey_answer (response_id, question_id, rating) values (?, ?, ?)",
                                response, question[0], stars);
                    }
                    case "SINGLE_CHOICE" -> jdbc.update(
                            "insert into survey_answer (response_id, question_id, option_no) values (?, ?, ?)",
                            response, question[0], random.nextInt(5));
                    default -> {
                        if (random.nextInt(4) == 0) {
                            jdbc.update("insert into survey_answer (response_id, question_id, text) values (?, ?, ?)",
                                    response, question[0], COMMENTS[random.nextInt(COMMENTS.length)]);
                        }
                    }
                }
            }
        }
    }
}
