package org.propertydesk.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffDirectory;
import org.propertydesk.staff.StaffDirectory.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks the technicians who serve a job's site: skill first, then who is on duty now, who has the least open work and
 * who arrives on time. Each suggestion carries the reasons for its score, so the dispatcher can see why.
 */
@Service
@Transactional(readOnly = true)
class Suggestions {

    static final int SKILL = 40;
    static final int NO_SKILL = -30;
    static final int ON_DUTY = 25;
    static final int EMERGENCY_DUTY_URGENT = 15;
    static final int PER_OPEN_JOB = -6;
    static final int MAX_LOAD_PENALTY = -30;
    static final int ON_TIME_MAX = 15;
    static final int NO_HISTORY = 8;
    static final Duration HISTORY = Duration.ofDays(30);

    private final StaffDirectory staff;
    private final TechnicianRepository technicians;
    private final TeamRepository teams;
    private final DutyShiftRepository shifts;
    private final WorkOrderRepository workOrders;
    private final Dates dates;

    Suggestions(StaffDirectory staff, TechnicianRepository technicians, TeamRepository teams, DutyShiftRepository shifts,
            WorkOrderRepository workOrders, Dates dates) {
        this.staff = staff;
        this.technicians = technicians;
        this.teams = teams;
        this.shifts = shifts;
        this.workOrders = workOrders;
        this.dates = dates;
    }

    /** One line of why a technician ranks where they do: a message key with its arguments, and its points. */
    record Reason(String key, List<Object> arguments, int points) {
    }

    record Suggestion(long staffId, String name, String phone, String teamName, int score, boolean skillMatch,
            boolean onDuty, boolean emergencyDuty, long openJobs, Integer onTimePercent, List<Reason> reasons) {
    }

    /** A reason in the reader's language; a skill argument is named, not coded. */
    static String text(Reason reason, MessageSource messages, Locale locale) {
        Object[] arguments = reason.arguments().stream()
                .map(a -> a instanceof String key && key.startsWith("skill.") ? messages.getMessage(key, null,
                        key.substring("skill.".length()), locale) : a)
                .toArray();
        return messages.getMessage(reason.key(), arguments, locale);
    }

    /** Best first; ties go to the lighter load, then the name. */
    List<Suggestion> rank(RequestWork.Job job) {
        return rankAll(List.of(job)).get(job.id());
    }

    /**
     * Ranks candidates for several jobs at once, as the dispatcher board needs: one query per site for the candidates,
     * and one each for profiles, shifts, open work and arrivals, whatever the number of jobs.
     */
    Map<Long, List<Suggestion>> rankAll(List<RequestWork.Job> jobs) {
        Map<Long, List<StaffMember>> bySite = new HashMap<>();
        for (RequestWork.Job job : jobs) {
            bySite.computeIfAbsent(job.siteId(), site -> staff.membersWithRoleServing(Role.TECHNICIAN, site));
        }
        List<Long> ids = bySite.values().stream().flatMap(List::stream).map(StaffMember::id).distinct().toList();
        Facts facts = ids.isEmpty() ? new Facts(Map.of(), Map.of(), Map.of(), Map.of(), Map.of()) : facts(ids);
        Map<Long, List<Suggestion>> result = new HashMap<>();
        for (RequestWork.Job job : jobs) {
            result.put(job.id(), rank(job, bySite.get(job.siteId()), facts));
        }
        return result;
    }

    /** What ranking needs to know about the candidates, loaded once. */
    private record Facts(Map<Long, Technician> profiles, Map<Long, String> teamNames, Map<Long, Boolean> duty,
            Map<Long, Long> open, Map<Long, long[]> arrivals) {
    }

    private Facts facts(List<Long> ids) {
        Instant now = dates.now();
        Map<Long, Technician> profiles = technicians.findByStaffIdIn(ids).stream()
                .collect(Collectors.toMap(Technician::getStaffId, Function.identity()));
        Map<Long, String> teamNames = teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        Map<Long, Boolean> duty = new HashMap<>();
        for (DutyShift shift : shifts.findCovering(ids, now)) {
            duty.merge(shift.getStaffId(), shift.isEmergency(), Boolean::logicalOr);
        }
        Map<Long, Long> open = new HashMap<>();
        for (Object[] row : workOrders.countOpenByTechnician(ids)) {
            open.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, long[]> arrivals = new HashMap<>();
        for (Object[] row : workOrders.countArrivalsByTechnician(ids, now.minus(HISTORY))) {
            arrivals.put((Long) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return new Facts(profiles, teamNames, duty, open, arrivals);
    }

    private static List<Suggestion> rank(RequestWork.Job job, List<StaffMember> candidates, Facts facts) {
        boolean urgent = job.priority() == Priority.URGENT || job.priority() == Priority.EMERGENCY;
        List<Suggestion> ranked = new ArrayList<>();
        for (StaffMember member : candidates) {
            Technician profile = facts.profiles().get(member.id());
            List<Reason> reasons = new ArrayList<>();
            boolean skillMatch = job.skill() == null || (profile != null && profile.has(job.skill()));
            if (job.skill() == null) {
                reasons.add(new Reason("dispatch.reason.anySkill", List.of(), 0));
            } else if (skillMatch) {
                reasons.add(new Reason("dispatch.reason.skill", List.of("skill." + job.skill()), SKILL));
            } else {
                reasons.add(new Reason("dispatch.reason.noSkill", List.of("skill." + job.skill()), NO_SKILL));
            }
            Boolean shift = facts.duty().get(member.id());
            if (shift == null) {
                reasons.add(new Reason("dispatch.reason.offDuty", List.of(), 0));
            } else if (shift && urgent) {
                reasons.add(new Reason("dispatch.reason.emergencyDuty", List.of(), ON_DUTY + EMERGENCY_DUTY_URGENT));
            } else {
                reasons.add(new Reason(shift ? "dispatch.reason.emergencyDutyNow" : "dispatch.reason.onDuty", List.of(),
                        ON_DUTY));
            }
            long jobs = facts.open().getOrDefault(member.id(), 0L);
            reasons.add(new Reason("dispatch.reason.load", List.of(jobs),
                    (int) Math.max(MAX_LOAD_PENALTY, PER_OPEN_JOB * jobs)));
            long[] arrived = facts.arrivals().get(member.id());
            Integer onTime = null;
            if (arrived == null || arrived[0] == 0) {
                reasons.add(new Reason("dispatch.reason.noHistory", List.of(), NO_HISTORY));
            } else {
                onTime = (int) Math.round(100.0 * arrived[1] / arrived[0]);
                reasons.add(new Reason("dispatch.reason.onTime", List.of(onTime, arrived[0]),
                        (int) Math.round(ON_TIME_MAX * arrived[1] / (double) arrived[0])));
            }
            int score = reasons.stream().mapToInt(Reason::points).sum();
            String team = profile == null || profile.getTeamId() == null ? null : facts.teamNames().get(profile.getTeamId());
            ranked.add(new Suggestion(member.id(), member.displayName(), member.phone(), team, score, skillMatch,
                    shift != null, Boolean.TRUE.equals(shift), jobs, onTime, List.copyOf(reasons)));
        }
        ranked.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparingLong(Suggestion::openJobs)
                .thenComparing(Suggestion::name));
        return ranked;
    }
}
