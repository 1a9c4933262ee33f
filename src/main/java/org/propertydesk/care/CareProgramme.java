package org.propertydesk.care;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.records.CareFlag;
import org.propertydesk.records.Disposition;
import org.propertydesk.records.ValueTier;
import org.propertydesk.shared.audit.Audited;

/**
 * A site's care programme: who is in the target group (the record filters that are set), how they are reached, and
 * over which period, once or every month.
 */
@Entity
@Table(name = "care_programme")
class CareProgramme extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CareProgrammeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "repeat_mode", nullable = false)
    private CareProgrammeRepeat repeat;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "care_flag")
    private CareFlag careFlag;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_tier")
    private ValueTier valueTier;

    @Enumerated(EnumType.STRING)
    private Disposition disposition;

    @Column(name = "building_id")
    private Long buildingId;

    @Column(name = "birthday_this_month", nullable = false)
    private boolean birthdayThisMonth;

    @Column(name = "moved_in_within_days")
    private Integer movedInWithinDays;

    @Column(name = "default_key", updatable = false)
    private String defaultKey;

    protected CareProgramme() {
    }

    CareProgramme(Long siteId, String defaultKey) {
        this.siteId = siteId;
        this.defaultKey = defaultKey;
    }

    void define(String name, CareProgrammeKind kind, CareProgrammeRepeat repeat, LocalDate startsOn, LocalDate endsOn) {
        this.name = name;
        this.kind = kind;
        this.repeat = repeat;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    void target(CareFlag careFlag, ValueTier valueTier, Disposition disposition, Long buildingId,
            boolean birthdayThisMonth, Integer movedInWithinDays) {
        this.careFlag = careFlag;
        this.valueTier = valueTier;
        this.disposition = disposition;
        this.buildingId = buildingId;
        this.birthdayThisMonth = birthdayThisMonth;
        this.movedInWithinDays = movedInWithinDays;
    }

    /** Whether households are still being contacted on this day: inside the period. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /**
     * The round shown on this day: this month's for a monthly programme (its last month once it has ended, its
     * first before it starts); the only one for a one-off.
     */
    LocalDate roundOn(LocalDate day) {
        if (repeat == CareProgrammeRepeat.ONCE) {
            return startsOn;
        }
        LocalDate shown = day.isBefore(startsOn) ? startsOn : endsOn != null && day.isAfter(endsOn) ? endsOn : day;
        return shown.withDayOfMonth(1);
    }

    /** The last day of the round that starts on this day. */
    LocalDate roundEnd(LocalDate roundStart) {
        return repeat == CareProgrammeRepeat.MONTHLY ? YearMonth.from(roundStart).atEndOfMonth() : endsOn;
    }

    /** Whether this is one of the programme's rounds, up to the one shown on this day. */
    boolean hasRound(LocalDate roundStart, LocalDate today) {
        if (repeat == CareProgrammeRepeat.ONCE) {
            return roundStart.equals(startsOn);
        }
        return roundStart.getDayOfMonth() == 1 && !roundStart.isBefore(startsOn.withDayOfMonth(1))
                && !roundStart.isAfter(roundOn(today));
    }

    /** The rounds so far, latest first, for the round picker of a monthly programme. */
    List<LocalDate> roundsUpTo(LocalDate today) {
        List<LocalDate> rounds = new ArrayList<>();
        if (repeat == CareProgrammeRepeat.ONCE) {
            rounds.add(startsOn);
            return rounds;
        }
        for (LocalDate round = roundOn(today); !round.isBefore(startsOn.withDayOfMonth(1)); round = round.minusMonths(1)) {
            rounds.add(round);
        }
        return rounds;
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public String getName() {
        return name;
    }

    public CareProgrammeKind getKind() {
        return kind;
    }

    public CareProgrammeRepeat getRepeat() {
        return repeat;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public CareFlag getCareFlag() {
        return careFlag;
    }

    public ValueTier getValueTier() {
        return valueTier;
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public boolean isBirthdayThisMonth() {
        return birthdayThisMonth;
    }

    public Integer getMovedInWithinDays() {
        return movedInWithinDays;
    }

    public String getDefaultKey() {
        return defaultKey;
    }
}
