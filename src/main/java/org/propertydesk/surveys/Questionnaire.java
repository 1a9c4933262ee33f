package org.propertydesk.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/** A questionnaire for some sites: its questions in order, when it is open, and whether it is still a draft. */
@Entity
@Table(name = "questionnaire")
class Questionnaire extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    private String intro;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    private LocalDate closesOn;

    /** False: one response per household (the default); true: one per person living there. */
    @Column(name = "per_person", nullable = false)
    private boolean perPerson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuestionnaireStatus status = QuestionnaireStatus.DRAFT;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "questionnaire_site", joinColumns = @JoinColumn(name = "questionnaire_id"))
    @Column(name = "site_id")
    private Set<Long> siteIds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "questionnaire", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<SurveyQuestion> questions = new ArrayList<>();

    protected Questionnaire() {
    }

    Questionnaire(String title, String intro, LocalDate opensOn, LocalDate closesOn, boolean perPerson, Set<Long> siteIds) {
        update(title, intro, opensOn, closesOn, perPerson, siteIds);
    }

    void update(String title, String intro, LocalDate opensOn, LocalDate closesOn, boolean perPerson, Set<Long> siteIds) {
        requireDraft();
        this.title = title.strip();
        this.intro = intro == null || intro.isBlank() ? null : intro.strip();
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.perPerson = perPerson;
        this.siteIds.clear();
        this.siteIds.addAll(siteIds);
    }

    void requireDraft() {
        if (status != QuestionnaireStatus.DRAFT) {
            throw new BusinessRuleException("survey.error.notDraft");
        }
    }

    SurveyQuestion addQuestion(QuestionKind kind, String text, ServiceLine line, boolean required, List<String> options) {
        requireDraft();
        SurveyQuestion question = new SurveyQuestion(this, questions.size() + 1, kind, text, line, required, options);
        questions.add(question);
        return question;
    }

    void removeQuestion(long questionId) {
        requireDraft();
        questions.removeIf(q -> q.getId() != null && q.getId() == questionId);
        renumber();
    }

    /** Moves the question one place up (-1) or down (+1). */
    void moveQuestion(long questionId, int by) {
        requireDraft();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).getId() == questionId) {
                int j = i + by;
                if (j >= 0 && j < questions.size()) {
                    SurveyQuestion moved = questions.remove(i);
                    questions.add(j, moved);
                    renumber();
                }
                return;
            }
        }
    }

    private void renumber() {
        for (int i = 0; i < questions.size(); i++) {
            questions.get(i).setPosition(i + 1);
        }
    }

    void open(Instant at) {
        requireDraft();
        if (questions.isEmpty()) {
            throw new BusinessRuleException("survey.error.noQuestions");
        }
        status = QuestionnaireStatus.OPEN;
        openedAt = at;
    }

    void close(Instant at) {
        if (status != QuestionnaireStatus.OPEN) {
            throw new BusinessRuleException("survey.error.notOpen");
        }
        status = QuestionnaireStatus.CLOSED;
        closedAt = at;
    }

    /** Whether an answer is accepted on this day: open, and the closing day not yet past. */
    public boolean acceptsAnswersOn(LocalDate day) {
        return status == QuestionnaireStatus.OPEN && !day.isAfter(closesOn);
    }

    public boolean isDraft() {
        return status == QuestionnaireStatus.DRAFT;
    }

    public boolean isOpen() {
        return status == QuestionnaireStatus.OPEN;
    }

    public boolean targets(Long siteId) {
        return siteIds.contains(siteId);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getIntro() {
        return intro;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public boolean isPerPerson() {
        return perPerson;
    }

    public QuestionnaireStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Set<Long> getSiteIds() {
        return siteIds;
    }

    public List<SurveyQuestion> getQuestions() {
        return questions;
    }
}
