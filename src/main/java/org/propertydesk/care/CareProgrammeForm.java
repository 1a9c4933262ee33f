package org.propertydesk.care;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.propertydesk.records.CareFlag;
import org.propertydesk.records.Disposition;
import org.propertydesk.records.ValueTier;
import org.springframework.format.annotation.DateTimeFormat;

/** A programme as a manager defines it; the target group filters left empty do not narrow the group. */
class CareProgrammeForm {

    private Long version;

    /** Only when creating: a programme keeps its site. */
    private Long siteId;

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotNull
    private CareProgrammeKind kind;

    @NotNull
    private CareProgrammeRepeat repeat;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;

    private CareFlag careFlag;

    private ValueTier valueTier;

    private Disposition disposition;

    private Long buildingId;

    private boolean birthdayThisMonth;

    @Min(1)
    @Max(366)
    private Integer movedInWithinDays;

    static CareProgrammeForm of(CareProgramme programme) {
        CareProgrammeForm form = new CareProgrammeForm();
        form.version = programme.getVersion();
        form.siteId = programme.getSiteId();
        form.name = programme.getName();
        form.kind = programme.getKind();
        form.repeat = programme.getRepeat();
        form.startsOn = programme.getStartsOn();
        form.endsOn = programme.getEndsOn();
        form.careFlag = programme.getCareFlag();
        form.valueTier = programme.getValueTier();
        form.disposition = programme.getDisposition();
        form.buildingId = programme.getBuildingId();
        form.birthdayThisMonth = programme.isBirthdayThisMonth();
        form.movedInWithinDays = programme.getMovedInWithinDays();
        return form;
    }

    void applyTo(CareProgramme programme) {
        programme.define(name, kind, repeat, startsOn, endsOn);
        programme.target(careFlag, valueTier, disposition, buildingId, birthdayThisMonth, movedInWithinDays);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public CareProgrammeKind getKind() {
        return kind;
    }

    public void setKind(CareProgrammeKind kind) {
        this.kind = kind;
    }

    public CareProgrammeRepeat getRepeat() {
        return repeat;
    }

    public void setRepeat(CareProgrammeRepeat repeat) {
        this.repeat = repeat;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public CareFlag getCareFlag() {
        return careFlag;
    }

    public void setCareFlag(CareFlag careFlag) {
        this.careFlag = careFlag;
    }

    public ValueTier getValueTier() {
        return valueTier;
    }

    public void setValueTier(ValueTier valueTier) {
        this.valueTier = valueTier;
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public void setDisposition(Disposition disposition) {
        this.disposition = disposition;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(Long buildingId) {
        this.buildingId = buildingId;
    }

    public boolean isBirthdayThisMonth() {
        return birthdayThisMonth;
    }

    public void setBirthdayThisMonth(boolean birthdayThisMonth) {
        this.birthdayThisMonth = birthdayThisMonth;
    }

    public Integer getMovedInWithinDays() {
        return movedInWithinDays;
    }

    public void setMovedInWithinDays(Integer movedInWithinDays) {
        this.movedInWithinDays = movedInWithinDays;
    }
}
