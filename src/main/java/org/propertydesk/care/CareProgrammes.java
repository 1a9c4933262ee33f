package org.propertydesk.care;

import java.util.List;
import java.util.Locale;

import org.propertydesk.records.CareFlag;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defining care programmes, each for one of the manager's sites, and the three every site is offered: a monthly call
 * to elderly owners living alone, a birthday greeting in the birthday month, and a welcome call in the first week
 * after moving in.
 */
@Service
@Transactional
public class CareProgrammes {

    /** A building of one of the reader's sites, for the target group's building filter. */
    record BuildingChoice(long id, long siteId, String code, String name) {
    }

    private final CareProgrammeRepository programmes;
    private final CareTasks tasks;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Dates dates;

    CareProgrammes(CareProgrammeRepository programmes, CareTasks tasks, JdbcClient jdbc, MessageSource messages,
            Dates dates) {
        this.programmes = programmes;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.messages = messages;
        this.dates = dates;
    }

    @Transactional(readOnly = true)
    List<CareProgramme> visible(Long siteId) {
        SiteScope scope = CurrentUser.siteScope();
        if (siteId != null) {
            return scope.includes(siteId) ? programmes.findBySites(List.of(siteId)) : List.of();
        }
        return scope.allSites() ? programmes.findAllOrdered() : programmes.findBySites(scope.idsForQuery());
    }

    /** A programme of one of the reader's sites; any other is "not found". */
    @Transactional(readOnly = true)
    CareProgramme get(long id) {
        return programmes.findById(id).filter(p -> CurrentUser.siteScope().includes(p.getSiteId()))
                .orElseThrow(() -> new NotFoundException("CareProgramme", id));
    }

    CareProgramme create(CareProgrammeForm form) {
        if (form.getSiteId() == null || !CurrentUser.siteScope().includes(form.getSiteId())) {
            throw new BusinessRuleException("care.error.site");
        }
        check(form.getSiteId(), form);
        CareProgramme programme = new CareProgramme(form.getSiteId(), null);
        form.applyTo(programme);
        programmes.saveAndFlush(programme);
        tasks.refresh(programme);
        return programme;
    }

    CareProgramme update(long id, CareProgrammeForm form) {
        CareProgramme programme = get(id);
        BusinessRuleException.requireVersion(form.getVersion(), programme.getVersion());
        check(programme.getSiteId(), form);
        form.applyTo(programme);
        programmes.saveAndFlush(programme);
        tasks.refresh(programme);
        return programme;
    }

    /**
     * Adds the shipped programmes the site does not have yet, named in this language, running monthly from this month
     * on, with this month's households listed; returns how many were added. Callers check the site is the user's.
     */
    public int createDefaults(long siteId, Locale locale) {
        int added = 0;
        for (Default shipped : Default.values()) {
            if (programmes.existsBySiteIdAndDefaultKey(siteId, shipped.name())) {
                continue;
            }
            CareProgramme programme = new CareProgramme(siteId, shipped.name());
            programme.define(messages.getMessage("care.default." + shipped.name(), null, locale), shipped.kind,
                    CareProgrammeRepeat.MONTHLY, dates.today().withDayOfMonth(1), null);
            programme.target(shipped.careFlag, null, null, null, shipped.birthday, shipped.movedInWithinDays);
            programmes.saveAndFlush(programme);
            tasks.refresh(programme);
            added++;
        }
        return added;
    }

    /** The buildings of the reader's sites, by site and code. */
    @Transactional(readOnly = true)
    List<BuildingChoice> buildings() {
        SiteScope scope = CurrentUser.siteScope();
        return jdbc.sql("select id, site_id, code, name from building where (:all or site_id in (:sites))"
                + " order by site_id, code")
                .param("all", scope.allSites()).param("sites", scope.idsForQuery())
                .query((rs, n) -> new BuildingChoice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Refusals that belong next to one field: a building of another site, a period that ends before it starts. */
    private void check(long siteId, CareProgrammeForm form) {
        if (form.getBuildingId() != null && !jdbc.sql("select exists (select 1 from building where id = ? and site_id = ?)")
                .params(form.getBuildingId(), siteId).query(Boolean.class).single()) {
            throw new BusinessRuleException("care.error.building");
        }
        if (form.getEndsOn() != null && form.getStartsOn() != null && form.getEndsOn().isBefore(form.getStartsOn())) {
            throw new BusinessRuleException("care.error.period");
        }
        if (form.getRepeat() == CareProgrammeRepeat.ONCE && form.getEndsOn() == null) {
            throw new BusinessRuleException("care.error.onceNeedsEnd");
        }
    }

    /** The shipped programmes, keyed so that a site gets each once. */
    enum Default {
        ELDERLY_CALL(CareProgrammeKind.CALL, CareFlag.ELDERLY_ALONE, false, null),
        BIRTHDAY(CareProgrammeKind.GREETING, null, true, null),
        WELCOME(CareProgrammeKind.CALL, null, false, 7);

        private final CareProgrammeKind kind;
        private final CareFlag careFlag;
        private final boolean birthday;
        private final Integer movedInWithinDays;

        Default(CareProgrammeKind kind, CareFlag careFlag, boolean birthday, Integer movedInWithinDays) {
            this.kind = kind;
            this.careFlag = careFlag;
            this.birthday = birthday;
            this.movedInWithinDays = movedInWithinDays;
        }
    }
}
