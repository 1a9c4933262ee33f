package org.propertydesk.surveys;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class QuestionnaireForm {

    private Long version;

    @NotBlank
    @Size(max = 200)
    private String title;

    @Size(max = 2000)
    private String intro;

    @NotNull
    private LocalDate opensOn;

    @NotNull
    private LocalDate closesOn;

    private boolean perPerson;

    @NotEmpty
    private Set<Long> siteIds = new LinkedHashSet<>();

    static QuestionnaireForm startingOn(LocalDate day) {
        QuestionnaireForm form = new QuestionnaireForm();
        form.opensOn = day;
        form.closesOn = day.plusDays(30);
        return form;
    }

    static QuestionnaireForm of(Questionnaire q) {
        QuestionnaireForm form = new QuestionnaireForm();
        form.version = q.getVersion();
        form.title = q.getTitle();
        form.intro = q.getIntro();
        form.opensOn = q.getOpensOn();
        form.closesOn = q.getClosesOn();
        form.perPerson = q.isPerPerson();
        form.siteIds = new LinkedHashSet<>(q.getSiteIds());
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIntro() {
        return intro;
    }

    public void setIntro(String intro) {
        this.intro = intro;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public boolean isPerPerson() {
        return perPerson;
    }

    public void setPerPerson(boolean perPerson) {
        this.perPerson = perPerson;
    }

    public Set<Long> getSiteIds() {
        return siteIds;
    }

    public void setSiteIds(Set<Long> siteIds) {
        this.siteIds = siteIds == null ? new LinkedHashSet<>() : siteIds;
    }
}
