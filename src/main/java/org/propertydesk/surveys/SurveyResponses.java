package org.propertydesk.surveys;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records answers: checks each against its question, then saves the response and its answers. One response per
 * household (or per person, when the questionnaire says so): checked before saving for a clear message, and by a
 * unique constraint for two answers saved at the same moment, which get the same message.
 */
@Service
@Transactional
class SurveyResponses {

    private final JdbcClient jdbc;
    private final Dates dates;

    SurveyResponses(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** Who answers for which house, and how the answer came in. */
    record Respondent(long houseId, long siteId, Long customerId, String name, ResponseChannel channel) {
    }

    static String householdKey(Questionnaire q, long houseId, Long customerId) {
        return q.isPerPerson() && customerId != null ? "H" + houseId + ":C" + customerId : "H" + houseId;
    }

    @Transactional(readOnly = true)
    boolean answered(Questionnaire q, long houseId, Long customerId) {
        return jdbc.sql("select exists (select 1 from survey_response where questionnaire_id = ? and household_key = ?)")
                .params(q.getId(), householdKey(q, houseId, customerId)).query(Boolean.class).single();
    }

    /** Checks the filled-in values against the questions; the errors are put on the values. */
    static void check(Questionnaire q, AnswerValues values) {
        for (SurveyQuestion question : q.getQuestions()) {
            String field = question.getField();
            List<String> given = values.all(field).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (given.isEmpty()) {
                if (question.isRequired()) {
                    values.flag(field, "survey.answer.required");
                }
                continue;
            }
            switch (question.getKind()) {
                case RATING -> {
                    Integer rating = number(given.get(0));
                    if (given.size() > 1 || rating == null || rating < 1 || rating > 5) {
                        values.flag(field, "survey.answer.invalid");
                    }
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    int options = question.getOptionList().size();
                    boolean valid = (question.getKind() == QuestionKind.MULTIPLE_CHOICE || given.size() == 1)
                            && given.stream().map(SurveyResponses::number).allMatch(n -> n != null && n >= 0 && n < options);
                    if (!valid) {
                        values.flag(field, "survey.answer.invalid");
                    }
                }
                case FREE_TEXT -> {
                    if (given.get(0).length() > 2000) {
                        values.flag(field, "survey.answer.tooLong");
                    }
                }
            }
        }
    }

    /**
     * Saves a checked response; refuses a second one for the same household (or person) with
     * {@code survey.answer.alreadyAnswered}.
     */
    long save(Questionnaire q, Respondent respondent, AnswerValues values) {
        if (!q.acceptsAnswersOn(dates.today())) {
            throw new BusinessRuleException("survey.error.notAccepting");
        }
        if (!q.targets(respondent.siteId())) {
            throw new BusinessRuleException("survey.answer.houseNotTargeted");
        }
        String key = householdKey(q, respondent.houseId(), respondent.customerId());
        if (answered(q, respondent.houseId(), respondent.customerId())) {
            throw new BusinessRuleException("survey.answer.alreadyAnswered");
        }
        Timestamp now = Timestamp.from(dates.now());
        long responseId;
        try {
            responseId = jdbc.sql("""
                    insert into survey_response (questionnaire_id, site_id, house_id, customer_id, respondent_name, channel,
                                                 household_key, submitted_at, created_at, created_by)
                    values (:q, :site, :house, :customer, :name, :channel, :key, :now, :now, :by)
                    returning id
                    """).param("q", q.getId()).param("site", respondent.siteId()).param("house", respondent.houseId())
                    .param("customer", respondent.customerId()).param("name", respondent.name())
                    .param("channel", respondent.channel().name()).param("key", key).param("now", now)
                    .param("by", respondent.channel() == ResponseChannel.LINK ? "owner-link" : CurrentUser.username())
                    .query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            throw new BusinessRuleException("survey.answer.alreadyAnswered");
        }
        List<Object[]> rows = new ArrayList<>();
        for (SurveyQuestion question : q.getQuestions()) {
            List<String> given = values.all(question.getField()).stream().map(String::strip).filter(v -> !v.isEmpty())
                    .distinct().toList();
            for (String value : given) {
                switch (question.getKind()) {
                    case RATING -> rows.add(new Object[] {responseId, question.getId(), Integer.valueOf(value), null, null});
                    case SINGLE_CHOICE, MULTIPLE_CHOICE ->
                            rows.add(new Object[] {responseId, question.getId(), null, Integer.valueOf(value), null});
                    case FREE_TEXT -> rows.add(new Object[] {responseId, question.getId(), null, null, value});
                }
                if (question.getKind() != QuestionKind.MULTIPLE_CHOICE) {
                    break;
                }
            }
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into survey_answer (response_id, question_id, rating, option_no, text) values (?, ?, ?, ?, ?)")
                    .params(row).update();
        }
        return responseId;
    }

    static AnswerValues valuesFrom(Questionnaire q, Map<String, String[]> parameters) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        for (SurveyQuestion question : q.getQuestions()) {
            String[] given = parameters.get(question.getField());
            values.put(question.getField(), given == null ? List.of() : List.of(given));
        }
        return new AnswerValues(values);
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
