package org.propertydesk.surveys;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building questionnaires: a draft is edited (details, target sites, questions in order), then opened (by a manager or
 * on its opening day) and closed (by a manager or after its closing day). A person sees only questionnaires that
 * target one of their sites; another's is "not found".
 */
@Service
@Transactional
class Questionnaires {

    static final int PAGE_SIZE = 20;

    private final QuestionnaireRepository questionnaires;
    private final Improvements improvements;
    private final JdbcClient jdbc;
    private final Dates dates;

    Questionnaires(QuestionnaireRepository questionnaires, Improvements improvements, JdbcClient jdbc, Dates dates) {
        this.questionnaires = questionnaires;
        this.improvements = improvements;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    record ListItem(long id, String title, QuestionnaireStatus status, java.time.LocalDate opensOn,
            java.time.LocalDate closesOn, long responses) {
    }

    @Transactional(readOnly = true)
    Page<ListItem> list(int page) {
        SiteScope scope = CurrentUser.siteScope();
        int number = Math.max(page, 0);
        long total = jdbc.sql("""
                select count(*) from questionnaire q
                where :allSites or exists (select 1 from questionnaire_site qs
                                           where qs.questionnaire_id = q.id and qs.site_id = any(:siteIds))
                """).param("allSites", scope.allSites()).param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .query(Long.class).single();
        List<ListItem> items = jdbc.sql("""
                select q.id, q.title, q.status, q.opens_on, q.closes_on,
                       (select count(*) from survey_response r
                        where r.questionnaire_id = q.id and (:allSites or r.site_id = any(:siteIds))) as responses
                from questionnaire q
                where :allSites or exists (select 1 from questionnaire_site qs
                                           where qs.questionnaire_id = q.id and qs.site_id = any(:siteIds))
                order by q.created_at desc, q.id desc
                limit :size offset :offset
                """).param("allSites", scope.allSites()).param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, n) -> new ListItem(rs.getLong(1), rs.getString(2), QuestionnaireStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, java.time.LocalDate.class), rs.getObject(5, java.time.LocalDate.class), rs.getLong(6)))
                .list();
        return new PageImpl<>(items, PageRequest.of(number, PAGE_SIZE), total);
    }

    /** The questionnaire if it targets one of the current person's sites. */
    @Transactional(readOnly = true)
    Questionnaire get(long id) {
        SiteScope scope = CurrentUser.siteScope();
        return questionnaires.findById(id)
                .filter(q -> q.getSiteIds().stream().anyMatch(scope::includes))
                .orElseThrow(() -> new NotFoundException("Questionnaire", id));
    }

    /** Without a person: for signed links and scheduled work. */
    @Transactional(readOnly = true)
    java.util.Optional<Questionnaire> find(long id) {
        return questionnaires.findById(id);
    }

    Questionnaire create(QuestionnaireForm form) {
        check(form, Set.of());
        Questionnaire q = new Questionnaire(form.getTitle(), form.getIntro(), form.getOpensOn(), form.getClosesOn(),
                form.isPerPerson(), form.getSiteIds());
        return questionnaires.save(q);
    }

    void update(long id, QuestionnaireForm form) {
        Questionnaire q = get(id);
        q.requireDraft();
        BusinessRuleException.requireVersion(form.getVersion(), q.getVersion());
        SiteScope scope = CurrentUser.siteScope();
        // Sites the editor does not serve stay as they were: they cannot see them, so they cannot mean to drop them.
        Set<Long> kept = q.getSiteIds().stream().filter(s -> !scope.includes(s)).collect(Collectors.toSet());
        check(form, kept);
        Set<Long> sites = new HashSet<>(form.getSiteIds());
        sites.addAll(kept);
        q.update(form.getTitle(), form.getIntro(), form.getOpensOn(), form.getClosesOn(), form.isPerPerson(), sites);
    }

    private void check(QuestionnaireForm form, Set<Long> kept) {
        SiteScope scope = CurrentUser.siteScope();
        if (form.getClosesOn().isBefore(form.getOpensOn())) {
            throw new FormRefusal("closesOn", "survey.error.closesBeforeOpens");
        }
        if (form.getSiteIds().stream().anyMatch(s -> !scope.includes(s) && !kept.contains(s))) {
            throw new FormRefusal("siteIds", "survey.error.siteNotServed");
        }
    }

    void addQuestion(long id, QuestionForm form) {
        Questionnaire q = get(id);
        q.requireDraft();
        List<String> options = form.optionList();
        if (form.getKind() == QuestionKind.RATING && form.getServiceLine() == null) {
            throw new FormRefusal("serviceLine", "survey.error.lineRequired");
        }
        if (form.getKind().hasOptions() && options.size() < 2) {
            throw new FormRefusal("options", "survey.error.optionsRequired");
        }
        if (options.stream().anyMatch(o -> o.length() > 200)) {
            throw new FormRefusal("options", "survey.error.optionTooLong");
        }
        q.addQuestion(form.getKind(), form.getText(), form.getServiceLine(), form.isRequired(), options);
    }

    void removeQuestion(long id, long questionId) {
        get(id).removeQuestion(questionId);
    }

    void moveQuestion(long id, long questionId, int by) {
        get(id).moveQuestion(questionId, by);
    }

    void open(long id) {
        get(id).open(dates.now());
    }

    void close(long id) {
        Questionnaire q = get(id);
        q.close(dates.now());
        questionnaires.flush();
        improvements.raiseFor(q);
    }

    /**
     * A draft copy of the latest questionnaire the person can see: same questions and settings, for the sites of it
     * they serve, opening today for as many days as the original ran.
     */
    Questionnaire copyLast() {
        SiteScope scope = CurrentUser.siteScope();
        Long lastId = jdbc.sql("""
                select q.id from questionnaire q
                where :allSites or exists (select 1 from questionnaire_site qs
                                           where qs.questionnaire_id = q.id and qs.site_id = any(:siteIds))
                order by q.created_at desc, q.id desc limit 1
                """).param("allSites", scope.allSites()).param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .query(Long.class).optional().orElseThrow(() -> new BusinessRuleException("survey.error.nothingToCopy"));
        Questionnaire last = get(lastId);
        var today = dates.today();
        long days = ChronoUnit.DAYS.between(last.getOpensOn(), last.getClosesOn());
        Set<Long> sites = last.getSiteIds().stream().filter(scope::includes).collect(Collectors.toSet());
        Questionnaire copy = new Questionnaire(last.getTitle(), last.getIntro(), today, today.plusDays(days),
                last.isPerPerson(), sites);
        for (SurveyQuestion question : last.getQuestions()) {
            copy.addQuestion(question.getKind(), question.getText(), question.getServiceLine(), question.isRequired(),
                    question.getOptionList());
        }
        return questionnaires.save(copy);
    }

    /** Opens drafts whose opening day has come, closes questionnaires whose closing day has passed. */
    void openAndCloseDue() {
        var today = dates.today();
        for (Long id : questionnaires.findDueToOpen(today)) {
            Questionnaire q = questionnaires.findById(id).orElseThrow();
            if (!q.getQuestions().isEmpty()) {
                q.open(dates.now());
            }
        }
        for (Long id : questionnaires.findDueToClose(today)) {
            Questionnaire q = questionnaires.findById(id).orElseThrow();
            q.close(dates.now());
            questionnaires.flush();
            improvements.raiseFor(q);
        }
    }
}
