package org.propertydesk.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a {@link Scorecard} in SQL: one grouped query for the front desk, the dashboard's own technician query
 * (so both pages agree) and the roster of people who serve the sites, who appear with zeros in a quiet month. Each
 * figure counts what its drill lists: the grouped conditions are the drill groups' with the person as a column.
 */
@Service
@Transactional(readOnly = true)
public class ScorecardQueries {

    private final JdbcClient jdbc;
    private final DashboardQueries dashboard;

    ScorecardQueries(JdbcClient jdbc, DashboardQueries dashboard) {
        this.jdbc = jdbc;
        this.dashboard = dashboard;
    }

    public Scorecard scorecard(Selection selection) {
        return new Scorecard(selection, frontDesk(selection), technicians(selection));
    }

    /**
     * Everyone with front-desk figures at the sites in the month, and the active front-desk staff of the sites
     * without any.
     */
    private List<Scorecard.Desk> frontDesk(Selection selection) {
        return DashboardQueries.bind(jdbc.sql("""
                with taken as (
                    select r.created_by as username, count(*) as taken,
                           count(*) filter (where %s) as inquiries,
                           count(*) filter (where %s) as resolved_at_intake
                    from service_request r
                    where r.site_id = any(:sites) and r.received_at >= :from and r.received_at < :to
                      and r.channel not in ('PORTAL', 'QR_CODE')
                    group by r.created_by
                ), called as (
                    select c.closed_by as username, count(distinct c.request_id) as done,
                           count(distinct c.request_id) filter (where c.closed_at <= c.due_at) as on_time
                    from callback c
                    join service_request r on r.id = c.request_id
                    where c.site_id = any(:sites) and r.site_id = any(:sites) and c.due_at >= :from and c.due_at < :to
                      and c.status = 'DONE' and c.closed_by is not null
                    group by c.closed_by
                ), rated as (
                    select r.owner_username as username, count(*) as rated, round(avg(rr.overall), 2) as stars,
                           count(*) filter (where rr.overall <= 2) as low
                    from request_rating rr
                    join service_request r on r.id = rr.request_id
                    where rr.site_id = any(:sites) and r.site_id = any(:sites)
                      and rr.rated_at >= :from and rr.rated_at < :to and r.owner_username is not null
                    group by r.owner_username
                )
                select s.id, s.display_name, coalesce(t.taken, 0), coalesce(t.inquiries, 0),
                       coalesce(t.resolved_at_intake, 0), coalesce(c.done, 0), coalesce(c.on_time, 0),
                       coalesce(ra.rated, 0), ra.stars, coalesce(ra.low, 0)
                from staff s
                left join taken t on t.username = s.username
                left join called c on c.username = s.username
                left join rated ra on ra.username = s.username
                where t.username is not null or c.username is not null or ra.username is not null
                   or (s.active and %s)
                order by s.display_name, s.id
                """.formatted(Drill.DESK_INQUIRIES.condition(), Drill.DESK_FIRST_CONTACT_RESOLVED.condition(),
                        serves("FRONT_DESK"))), selection, DrillFilter.NONE)
                .query((rs, n) -> {
                    DrillFilter person = DrillFilter.staff(rs.getLong(1));
                    return new Scorecard.Desk(rs.getLong(1), rs.getString(2),
                            new Dashboard.Count(rs.getLong(3), Drill.DESK_TAKEN, person),
                            new Dashboard.Rate(new Dashboard.Count(rs.getLong(5), Drill.DESK_FIRST_CONTACT_RESOLVED, person),
                                    new Dashboard.Count(rs.getLong(4), Drill.DESK_INQUIRIES, person)),
                            new Dashboard.Rate(new Dashboard.Count(rs.getLong(7), Drill.DESK_CALLBACKS_ON_TIME, person),
                                    new Dashboard.Count(rs.getLong(6), Drill.DESK_CALLBACKS_DONE, person)),
                            new Dashboard.Count(rs.getLong(8), Drill.DESK_RATED, person),
                            rs.getBigDecimal(9),
                            new Dashboard.Count(rs.getLong(10), Drill.DESK_RATED_LOW, person));
                })
                .list();
    }

    /** The dashboard's technicians with completed jobs, then the sites' technicians without any, by name. */
    private List<Scorecard.Technician> technicians(Selection selection) {
        List<Scorecard.Technician> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Dashboard.TechnicianFigures t : dashboard.technicians(selection)) {
            seen.add(t.staffId());
            result.add(new Scorecard.Technician(t.staffId(), t.name(), t.jobs(), t.arrivedOnTime(), t.late(),
                    t.reopened(), new Dashboard.Count(t.ratings(), Drill.TECHNICIAN_RATED, t.jobs().filter()),
                    t.averageStars()));
        }
        DashboardQueries.bind(jdbc.sql("select s.id, s.display_name from staff s where s.active and " + serves("TECHNICIAN")),
                        selection, DrillFilter.NONE)
                .query((rs, n) -> idle(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .filter(idle -> seen.add(idle.staffId()))
                .forEach(result::add);
        result.sort(Comparator.comparing(Scorecard.Technician::name).thenComparingLong(Scorecard.Technician::staffId));
        return result;
    }

    private static Scorecard.Technician idle(long staffId, String name) {
        DrillFilter person = DrillFilter.technician(staffId);
        Dashboard.Count jobs = new Dashboard.Count(0, Drill.TECHNICIAN_JOBS, person);
        return new Scorecard.Technician(staffId, name, jobs,
                new Dashboard.Rate(new Dashboard.Count(0, Drill.TECHNICIAN_ARRIVED_ON_TIME, person),
                        new Dashboard.Count(0, Drill.TECHNICIAN_ARRIVAL_TIMED, person)),
                new Dashboard.Count(0, Drill.TECHNICIAN_ARRIVED_LATE, person),
                new Dashboard.Rate(new Dashboard.Count(0, Drill.TECHNICIAN_REOPENED, person), jobs),
                new Dashboard.Count(0, Drill.TECHNICIAN_RATED, person), null);
    }

    /** Whether staff {@code s} has the role and serves one of the selected sites. */
    private static String serves(String role) {
        return "exists (select 1 from staff_role sr where sr.staff_id = s.id and sr.role = '" + role + "')"
                + " and exists (select 1 from staff_site ss where ss.staff_id = s.id and ss.site_id = any(:sites))";
    }
}
