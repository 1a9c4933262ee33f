package org.propertydesk.dispatch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.staff.StaffDirectory;
import org.propertydesk.staff.StaffDirectory.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What managers set up for dispatch (technician profiles, teams, the duty roster, automatic-dispatch rules) and what
 * admins set up (the materials price list). A manager of some sites sees the technicians who serve one of them, the
 * teams and rules of those sites, and teams without a site.
 */
@Service
@Transactional
class DispatchSettings {

    /** Offered on every profile, whether or not a category asks for them yet. */
    static final List<String> STANDARD_SKILLS = List.of("PLUMBING", "ELECTRICAL", "ELEVATOR", "CARPENTRY", "CLEANING",
            "GREENING", "SECURITY");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final MaterialRepository materials;
    private final TechnicianRepository technicians;
    private final TeamRepository teams;
    private final DutyShiftRepository shifts;
    private final DispatchRuleRepository rules;
    private final StaffDirectory staff;
    private final SiteDirectory sites;
    private final RequestWork work;
    private final Dates dates;

    DispatchSettings(MaterialRepository materials, TechnicianRepository technicians, TeamRepository teams,
            DutyShiftRepository shifts, DispatchRuleRepository rules, StaffDirectory staff, SiteDirectory sites,
            RequestWork work, Dates dates) {
        this.materials = materials;
        this.technicians = technicians;
        this.teams = teams;
        this.shifts = shifts;
        this.rules = rules;
        this.staff = staff;
        this.sites = sites;
        this.work = work;
        this.dates = dates;
    }

    /** A refusal the person can put right on the form: shown at the field, or above the form when there is none. */
    static final class FormRefusal extends BusinessRuleException {

        private final String field;

        FormRefusal(String field, String messageKey) {
            super(messageKey);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    // ---- materials -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    List<Material> materials() {
        return materials.findAllByOrderByCode();
    }

    @Transactional(readOnly = true)
    Material material(long id) {
        return materials.findById(id).orElseThrow(() -> new NotFoundException("Material", id));
    }

    Material addMaterial(MaterialForm form) {
        String code = form.getCode().strip().toUpperCase(Locale.ROOT);
        if (materials.existsByCode(code)) {
            throw new FormRefusal("code", "material.error.codeTaken");
        }
        return materials.save(new Material(code, form.getNameZh(), form.getNameEn(), form.getUnitZh(), form.getUnitEn(),
                form.getUnitPrice()));
    }

    void updateMaterial(long id, MaterialForm form) {
        Material material = material(id);
        BusinessRuleException.requireVersion(form.getVersion(), material.getVersion());
        material.update(form.getNameZh(), form.getNameEn(), form.getUnitZh(), form.getUnitEn(), form.getUnitPrice(),
                form.isActive());
    }

    /** Work orders keep the material they used, so an entry is retired rather than deleted. */
    void deactivateMaterial(long id) {
        Material material = material(id);
        material.update(material.getNameZh(), material.getNameEn(), material.getUnitZh(), material.getUnitEn(),
                material.getUnitPrice(), false);
    }

    // ---- technicians -----------------------------------------------------------------------------------------------

    /** A technician as the settings show them: the staff account's name and sites, the profile's skills and team. */
    record TechnicianView(long staffId, String name, String phone, boolean allSites, Set<Long> siteIds,
            List<String> skills, Long teamId, Long version) {
    }

    /** Active technicians the current user sees, by name; those without a profile yet have no skills and no team. */
    @Transactional(readOnly = true)
    List<TechnicianView> technicians() {
        List<StaffMember> members = visibleTechnicians();
        Map<Long, Technician> profiles = technicians.findByStaffIdIn(members.stream().map(StaffMember::id).toList())
                .stream().collect(Collectors.toMap(Technician::getStaffId, Function.identity()));
        return members.stream().map(m -> view(m, profiles.get(m.id()))).toList();
    }

    @Transactional(readOnly = true)
    TechnicianView technician(long staffId) {
        return view(visibleTechnician(staffId), technicians.findById(staffId).orElse(null));
    }

    /** The standard skills, then those categories ask for, then any others the technician already has. */
    @Transactional(readOnly = true)
    List<String> skillChoices(Collection<String> held) {
        Set<String> choices = new LinkedHashSet<>(STANDARD_SKILLS);
        work.skills().stream().filter(Objects::nonNull).map(s -> s.strip().toUpperCase(Locale.ROOT)).sorted()
                .forEach(choices::add);
        held.stream().sorted().forEach(choices::add);
        return List.copyOf(choices);
    }

    /** Active teams the current user sees, and the technician's own team even if retired, so a save keeps it. */
    @Transactional(readOnly = true)
    List<Team> teamChoices(Long currentTeamId) {
        return teams.findAllByOrderByName().stream()
                .filter(t -> t.getId().equals(currentTeamId) || (t.isActive() && visible(t)))
                .toList();
    }

    @Transactional(readOnly = true)
    Map<Long, String> teamNames() {
        return teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName));
    }

    /** Saves the skills and team, creating the profile on the first save. */
    void saveTechnician(long staffId, TechnicianForm form) {
        visibleTechnician(staffId);
        Technician profile = technicians.findById(staffId).orElse(null);
        if (profile != null) {
            BusinessRuleException.requireVersion(form.getVersion(), profile.getVersion());
        }
        if (!skillChoices(profile == null ? Set.of() : profile.getSkills()).containsAll(form.getSkills())) {
            throw new FormRefusal("skills", "technician.error.skill");
        }
        Long currentTeam = profile == null ? null : profile.getTeamId();
        if (form.getTeamId() != null && teamChoices(currentTeam).stream().noneMatch(t -> t.getId().equals(form.getTeamId()))) {
            throw new FormRefusal("teamId", "technician.error.team");
        }
        if (profile == null) {
            profile = technicians.save(new Technician(staffId));
        }
        profile.update(form.getSkills(), form.getTeamId());
    }

    // ---- teams -----------------------------------------------------------------------------------------------------

    record TeamView(long id, String name, Long siteId, String leaderName, List<String> members, boolean active) {
    }

    /** The teams the current user sees, by name, with their leader and active members. */
    @Transactional(readOnly = true)
    List<TeamView> teams() {
        Map<Long, String> names = staff.membersWithRole(Role.TECHNICIAN).stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::displayName));
        Map<Long, List<String>> members = technicians.findByStaffIdIn(names.keySet()).stream()
                .filter(t -> t.getTeamId() != null)
                .collect(Collectors.groupingBy(Technician::getTeamId,
                        Collectors.mapping(t -> names.get(t.getStaffId()), Collectors.toList())));
        return teams.findAllByOrderByName().stream().filter(this::visible)
                .map(t -> new TeamView(t.getId(), t.getName(), t.getSiteId(), names.get(t.getLeaderStaffId()),
                        members.getOrDefault(t.getId(), List.of()).stream().sorted().toList(), t.isActive()))
                .toList();
    }

    @Transactional(readOnly = true)
    Team team(long id) {
        return teams.findById(id).filter(this::visible).orElseThrow(() -> new NotFoundException("Team", id));
    }

    Team addTeam(TeamForm form) {
        checkTeam(null, form);
        return teams.save(new Team(form.getName(), form.getSiteId(), form.getLeaderStaffId()));
    }

    void updateTeam(long id, TeamForm form) {
        Team team = team(id);
        BusinessRuleException.requireVersion(form.getVersion(), team.getVersion());
        checkTeam(team, form);
        team.update(form.getName(), form.getSiteId(), form.getLeaderStaffId(), form.isActive());
    }

    private void checkTeam(Team team, TeamForm form) {
        String name = form.getName().strip();
        boolean renamed = team == null || !team.getName().equalsIgnoreCase(name);
        if (renamed && teams.existsByNameIgnoreCase(name)) {
            throw new FormRefusal("name", "team.error.nameTaken");
        }
        if (form.getSiteId() != null && !siteVisible(form.getSiteId())) {
            throw new FormRefusal("siteId", "dispatchSettings.error.siteNotYours");
        }
        boolean leaderKept = team != null && Objects.equals(team.getLeaderStaffId(), form.getLeaderStaffId());
        if (form.getLeaderStaffId() != null && !leaderKept
                && visibleTechnicians().stream().noneMatch(m -> m.id() == form.getLeaderStaffId())) {
            throw new FormRefusal("leaderStaffId", "team.error.leader");
        }
    }

    // ---- roster ----------------------------------------------------------------------------------------------------

    /** A shift in a roster cell, in local clock times; {@code nextDay} when it ends after midnight. */
    record RosterShift(long id, String from, String to, boolean nextDay, boolean emergency) {
    }

    /** One technician's week: seven cells, Monday first, each with the shifts starting that day. */
    record RosterRow(long staffId, String name, List<List<RosterShift>> days) {
    }

    record Roster(LocalDate monday, List<LocalDate> days, List<RosterRow> rows) {

        public LocalDate previous() {
            return monday.minusWeeks(1);
        }

        public LocalDate next() {
            return monday.plusWeeks(1);
        }
    }

    /** The week holding the day, for the technicians the current user sees. A shift is shown on the day it starts. */
    @Transactional(readOnly = true)
    Roster roster(LocalDate day) {
        LocalDate monday = monday(day);
        ZoneId zone = dates.zone();
        Map<Long, RosterRow> rows = new LinkedHashMap<>();
        for (StaffMember member : visibleTechnicians()) {
            List<List<RosterShift>> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                days.add(new ArrayList<>());
            }
            rows.put(member.id(), new RosterRow(member.id(), member.displayName(), days));
        }
        Instant from = start(monday);
        for (DutyShift shift : shifts.findOverlapping(from, start(monday.plusWeeks(1)))) {
            RosterRow row = rows.get(shift.getStaffId());
            if (row == null || shift.getStartsAt().isBefore(from)) {
                continue;
            }
            ZonedDateTime starts = shift.getStartsAt().atZone(zone);
            ZonedDateTime ends = shift.getEndsAt().atZone(zone);
            row.days().get((int) ChronoUnit.DAYS.between(monday, starts.toLocalDate()))
                    .add(new RosterShift(shift.getId(), CLOCK.format(starts), CLOCK.format(ends),
                            !ends.toLocalDate().equals(starts.toLocalDate()), shift.isEmergency()));
        }
        return new Roster(monday, monday.datesUntil(monday.plusWeeks(1)).toList(), List.copyOf(rows.values()));
    }

    /** Adds a shift; one ending at or before its start time ends the next day. Overlapping shifts are refused. */
    void addShift(ShiftForm form) {
        long staffId = form.getStaffId();
        if (visibleTechnicians().stream().noneMatch(m -> m.id() == staffId)) {
            throw new FormRefusal("staffId", "roster.error.technician");
        }
        ZoneId zone = dates.zone();
        Instant starts = form.getDay().atTime(form.getFrom()).atZone(zone).toInstant();
        LocalDate endDay = form.getTo().isAfter(form.getFrom()) ? form.getDay() : form.getDay().plusDays(1);
        Instant ends = endDay.atTime(form.getTo()).atZone(zone).toInstant();
        if (shifts.existsOverlapping(staffId, starts, ends)) {
            throw new FormRefusal(null, "roster.error.overlap");
        }
        shifts.save(new DutyShift(staffId, starts, ends, form.isEmergency(), CurrentUser.username(), dates.now()));
    }

    void deleteShift(long id) {
        DutyShift shift = shifts.findById(id).orElseThrow(() -> new NotFoundException("Shift", id));
        visibleTechnician(shift.getStaffId());
        shifts.delete(shift);
    }

    record Copied(int copied, int skipped) {
    }

    /**
     * Copies the shifts that started in the week before the day's week, a week later at the same local times, for the
     * technicians the current user sees. A copy that would overlap a shift already there is skipped, so copying twice
     * adds nothing.
     */
    Copied copyPreviousWeek(LocalDate day) {
        LocalDate monday = monday(day);
        Instant from = start(monday.minusWeeks(1));
        Set<Long> visible = visibleTechnicians().stream().map(StaffMember::id).collect(Collectors.toSet());
        ZoneId zone = dates.zone();
        int copied = 0;
        int skipped = 0;
        for (DutyShift shift : shifts.findOverlapping(from, start(monday))) {
            if (!visible.contains(shift.getStaffId()) || shift.getStartsAt().isBefore(from)) {
                continue;
            }
            Instant starts = shift.getStartsAt().atZone(zone).plusWeeks(1).toInstant();
            Instant ends = shift.getEndsAt().atZone(zone).plusWeeks(1).toInstant();
            if (shifts.existsOverlapping(shift.getStaffId(), starts, ends)) {
                skipped++;
                continue;
            }
            shifts.save(new DutyShift(shift.getStaffId(), starts, ends, shift.isEmergency(), CurrentUser.username(),
                    dates.now()));
            copied++;
        }
        return new Copied(copied, skipped);
    }

    /** The Monday of the week holding the day, in the display zone's calendar. */
    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(dates.zone()).toInstant();
    }

    // ---- automatic-dispatch rules ----------------------------------------------------------------------------------

    /** The rules of the sites the current user serves, by site, the every-repair rule first. */
    @Transactional(readOnly = true)
    List<DispatchRule> rules() {
        SiteScope scope = CurrentUser.siteScope();
        return rules.findAllByOrderBySiteIdAscCategoryIdAsc().stream().filter(r -> scope.includes(r.getSiteId())).toList();
    }

    @Transactional(readOnly = true)
    DispatchRule rule(long id) {
        return rules.findById(id).filter(r -> CurrentUser.siteScope().includes(r.getSiteId()))
                .orElseThrow(() -> new NotFoundException("DispatchRule", id));
    }

    DispatchRule addRule(DispatchRuleForm form) {
        if (!siteVisible(form.getSiteId())) {
            throw new FormRefusal("siteId", "dispatchSettings.error.siteNotYours");
        }
        if (form.getCategoryId() != null && work.categories().stream().noneMatch(c -> c.id() == form.getCategoryId())) {
            throw new FormRefusal("categoryId", "dispatchRule.error.category");
        }
        boolean exists = rules.findAllByOrderBySiteIdAscCategoryIdAsc().stream()
                .anyMatch(r -> r.getSiteId().equals(form.getSiteId()) && Objects.equals(r.getCategoryId(), form.getCategoryId()));
        if (exists) {
            throw new FormRefusal(null, "dispatchRule.error.duplicate");
        }
        DispatchRule rule = new DispatchRule(form.getSiteId(), form.getCategoryId(), form.getAcceptMinutes());
        rule.update(form.getAcceptMinutes(), form.isEnabled());
        return rules.save(rule);
    }

    void updateRule(long id, DispatchRuleForm form) {
        DispatchRule rule = rule(id);
        BusinessRuleException.requireVersion(form.getVersion(), rule.getVersion());
        rule.update(form.getAcceptMinutes(), form.isEnabled());
    }

    void deleteRule(long id) {
        rules.delete(rule(id));
    }

    // ---- who sees what ---------------------------------------------------------------------------------------------

    private List<StaffMember> visibleTechnicians() {
        SiteScope scope = CurrentUser.siteScope();
        return staff.membersWithRole(Role.TECHNICIAN).stream()
                .filter(m -> scope.allSites() || scope.siteIds().stream().anyMatch(m::serves))
                .toList();
    }

    private StaffMember visibleTechnician(long staffId) {
        return visibleTechnicians().stream().filter(m -> m.id() == staffId).findFirst()
                .orElseThrow(() -> new NotFoundException("Technician", staffId));
    }

    private boolean visible(Team team) {
        return team.getSiteId() == null || CurrentUser.siteScope().includes(team.getSiteId());
    }

    private boolean siteVisible(Long siteId) {
        return sites.visibleIn(CurrentUser.siteScope()).stream().map(SiteSummary::id).anyMatch(siteId::equals);
    }

    private static TechnicianView view(StaffMember member, Technician profile) {
        return new TechnicianView(member.id(), member.displayName(), member.phone(), member.allSites(), member.siteIds(),
                profile == null ? List.of() : profile.getSkills().stream().sorted().toList(),
                profile == null ? null : profile.getTeamId(),
                profile == null ? null : profile.getVersion());
    }
}
