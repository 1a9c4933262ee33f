package org.propertydesk.surveys;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One question of a questionnaire; choice questions keep their options one per line. */
@Entity
@Table(name = "survey_question")
class SurveyQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "questionnaire_id", nullable = false)
    private Questionnaire questionnaire;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuestionKind kind;

    @Column(nullable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_line")
    private ServiceLine serviceLine;

    @Column(nullable = false)
    private boolean required;

    private String options;

    protected SurveyQuestion() {
    }

    SurveyQuestion(Questionnaire questionnaire, int position, QuestionKind kind, String text, ServiceLine serviceLine,
            boolean required, List<String> options) {
        this.questionnaire = questionnaire;
        this.position = position;
        this.kind = kind;
        this.text = text.strip();
        this.serviceLine = kind == QuestionKind.RATING ? serviceLine : null;
        this.required = required;
        this.options = kind.hasOptions() ? String.join("\n", options) : null;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public ServiceLine getServiceLine() {
        return serviceLine;
    }

    public boolean isRequired() {
        return required;
    }

    public List<String> getOptionList() {
        return options == null ? List.of() : Arrays.stream(options.split("\n")).toList();
    }

    /** The form field name of this question's answer. */
    public String getField() {
        return "q" + id;
    }
}
