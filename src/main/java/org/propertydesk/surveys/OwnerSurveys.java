package org.propertydesk.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires as an owner meets them in the portal: those open today for their site, each with the signed link
 * that answers it for their house, as a link sent to them would. The portal decides which houses are the owner's.
 */
@Service
@Transactional(readOnly = true)
public class OwnerSurveys {

    public record OpenSurvey(long id, String title, String intro, LocalDate closesOn, boolean perPerson) {
    }

    private final JdbcClient jdbc;
    private final QuestionnaireRepository questionnaires;
    private final SurveyLinks links;
    private final SurveyResponses responses;
    private final Dates dates;

    OwnerSurveys(JdbcClient jdbc, QuestionnaireRepository questionnaires, SurveyLinks links, SurveyResponses responses,
            Dates dates) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
        this.links = links;
        this.responses = responses;
        this.dates = dates;
    }

    /** Questionnaires of the site that take answers today, closing soonest first. */
    public List<OpenSurvey> openToday(long siteId) {
        LocalDate today = dates.today();
        List<Long> ids = jdbc.sql("""
                select q.id from questionnaire q join questionnaire_site s on s.questionnaire_id = q.id
                where s.site_id = ? and q.status = 'OPEN' and q.closes_on >= ?
                """).params(siteId, today).query(Long.class).list();
        return questionnaires.findAllById(ids).stream().filter(q -> q.acceptsAnswersOn(today))
                .sorted(Comparator.comparing(Questionnaire::getClosesOn).thenComparing(Questionnaire::getId))
                .map(q -> new OpenSurvey(q.getId(), q.getTitle(), q.getIntro(), q.getClosesOn(), q.isPerPerson()))
                .toList();
    }

    /** The path of the signed link that answers the questionnaire for the house, valid until it closes. */
    public String linkFor(long questionnaireId, long houseId) {
        Questionnaire q = questionnaires.findById(questionnaireId)
                .orElseThrow(() -> new NotFoundException("Questionnaire", questionnaireId));
        Instant expires = links.expiryFor(q);
        return links.path(q.getId(), houseId, expires);
    }

    /**
     * Whether the house has answered already; for a per-person questionnaire, whether this customer has answered for
     * the house.
     */
    public boolean answered(long questionnaireId, long houseId, long customerId) {
        return questionnaires.findById(questionnaireId).map(q -> responses.answered(q, houseId, customerId)).orElse(false);
    }
}
