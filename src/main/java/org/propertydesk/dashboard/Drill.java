package org.propertydesk.dashboard;

import java.util.List;

/**
 * A set of requests a dashboard figure counts, as the SQL condition on a request {@code r} that selects them. The
 * figure and the list behind it run the same condition, so a count and its list always agree.
 * <p>
 * Each drill belongs to a {@link Group}, the requests it is a part of: those received in the period, those open at
 * its end, those with a callback due in it, those rated in it, those a technician completed work on in it, and for a
 * staff member's scorecard those they took, called back or were the handler of. SLA
 * breaches follow the request page: a target met late, or not met and past due while the request is being worked on
 * (a request on hold has its clock stopped).
 * <p>
 * Parameters: {@code :sites} (the site ids), {@code :from} and {@code :to} (the period), {@code :now},
 * {@code :asOf} (the end of the period or now, whichever is earlier) and, for a technician's or a staff member's
 * drills, {@code :staffId}.
 */
public enum Drill {

    RECEIVED(Group.RECEIVED, "true"),
    ACKNOWLEDGE_MEASURED(Group.RECEIVED, Conditions.ACKNOWLEDGE_ON_TIME + " or " + Conditions.ACKNOWLEDGE_BREACHED),
    ACKNOWLEDGE_ON_TIME(Group.RECEIVED, Conditions.ACKNOWLEDGE_ON_TIME),
    ACKNOWLEDGE_BREACHED(Group.RECEIVED, Conditions.ACKNOWLEDGE_BREACHED),
    ARRIVAL_MEASURED(Group.RECEIVED, Conditions.ARRIVAL_ON_TIME + " or " + Conditions.ARRIVAL_BREACHED),
    ARRIVAL_ON_TIME(Group.RECEIVED, Conditions.ARRIVAL_ON_TIME),
    ARRIVAL_BREACHED(Group.RECEIVED, Conditions.ARRIVAL_BREACHED),
    RESOLVE_MEASURED(Group.RECEIVED, Conditions.RESOLVE_ON_TIME + " or " + Conditions.RESOLVE_BREACHED),
    RESOLVE_ON_TIME(Group.RECEIVED, Conditions.RESOLVE_ON_TIME),
    RESOLVE_BREACHED(Group.RECEIVED, Conditions.RESOLVE_BREACHED),
    BREACHED(Group.RECEIVED, Conditions.ACKNOWLEDGE_BREACHED + " or " + Conditions.ARRIVAL_BREACHED + " or "
            + Conditions.RESOLVE_BREACHED),
    RESOLVED(Group.RECEIVED, "r.resolved_at is not null"),
    INQUIRIES(Group.RECEIVED, Conditions.INQUIRY),
    FIRST_CONTACT_RESOLVED(Group.RECEIVED, Conditions.FIRST_CONTACT_RESOLVED),
    NOT_CANCELLED(Group.RECEIVED, "r.status <> 'CANCELLED'"),
    FOLLOWED_UP(Group.RECEIVED, "r.follow_ups >= 1 and r.status <> 'CANCELLED'"),
    REACHED_RESOLUTION(Group.RECEIVED, "r.resolved_at is not null or r.reopen_count > 0"),
    REOPENED(Group.RECEIVED, "r.reopen_count > 0"),
    HOUSE_REPAIRS(Group.RECEIVED, "r.kind = 'REPAIR' and r.house_id is not null and r.status <> 'CANCELLED'"),
    REPEATS(Group.RECEIVED, "r.kind = 'REPAIR' and r.house_id is not null and r.status <> 'CANCELLED' "
            + "and r.repeat_of_id is not null"),
    PROMISED(Group.RECEIVED, "r.promise_kept is not null"),
    PROMISE_KEPT(Group.RECEIVED, "r.promise_kept"),
    PROMISE_BROKEN(Group.RECEIVED, "not r.promise_kept"),
    COMPLAINTS(Group.RECEIVED, "r.kind = 'COMPLAINT' and r.status <> 'CANCELLED'"),
    ESCALATED(Group.RECEIVED, "r.escalated_at is not null"),

    BACKLOG(Group.BACKLOG, "true"),
    BACKLOG_UNDER_1_DAY(Group.BACKLOG, "r.received_at > cast(:asOf as timestamptz) - interval '1 day'"),
    BACKLOG_1_TO_3_DAYS(Group.BACKLOG, "r.received_at <= cast(:asOf as timestamptz) - interval '1 day' and r.received_at > cast(:asOf as timestamptz) - interval '3 days'"),
    BACKLOG_3_TO_7_DAYS(Group.BACKLOG, "r.received_at <= cast(:asOf as timestamptz) - interval '3 days' and r.received_at > cast(:asOf as timestamptz) - interval '7 days'"),
    BACKLOG_OVER_7_DAYS(Group.BACKLOG, "r.received_at <= cast(:asOf as timestamptz) - interval '7 days'"),

    CALLBACKS_DUE(Group.CALLBACKS, new OnCallback("true")),
    CALLBACKS_ON_TIME(Group.CALLBACKS, new OnCallback("c.status = 'DONE' and c.closed_at <= c.due_at")),
    CALLBACKS_LATE(Group.CALLBACKS,
            new OnCallback("(c.status = 'DONE' and c.closed_at > c.due_at) or (c.status = 'DUE' and c.due_at < :now)")),
    CALLBACKS_FINISHED(Group.CALLBACKS, new OnCallback("c.status in ('DONE', 'UNREACHABLE')")),
    CALLBACKS_UNREACHABLE(Group.CALLBACKS, new OnCallback("c.status = 'UNREACHABLE'")),
    CALLBACKS_ANSWERED(Group.CALLBACKS, new OnCallback("c.satisfaction is not null")),
    CALLBACKS_SATISFIED(Group.CALLBACKS, new OnCallback("c.satisfaction = 'SATISFIED'")),
    CALLBACKS_UNSATISFIED(Group.CALLBACKS, new OnCallback("c.satisfaction = 'UNSATISFIED'")),

    RATED(Group.RATINGS, "true"),
    RATED_LOW(Group.RATINGS, "exists (select 1 from request_rating rr where rr.request_id = r.id and rr.overall <= 2)"),

    TECHNICIAN_JOBS(Group.TECHNICIAN, "true"),
    TECHNICIAN_ARRIVAL_TIMED(Group.TECHNICIAN, Conditions.job("w.arrived_at is not null and w.due_arrival_at is not null")),
    TECHNICIAN_ARRIVED_ON_TIME(Group.TECHNICIAN, Conditions.job("w.arrived_at <= w.due_arrival_at")),
    TECHNICIAN_ARRIVED_LATE(Group.TECHNICIAN, Conditions.job("w.arrived_at > w.due_arrival_at")),
    TECHNICIAN_REOPENED(Group.TECHNICIAN, Conditions.job("w.reopen_count > 0")),
    TECHNICIAN_RATED(Group.TECHNICIAN, "exists (select 1 from request_rating rr where rr.request_id = r.id)"),

    DESK_TAKEN(Group.DESK_TAKEN, "true"),
    DESK_INQUIRIES(Group.DESK_TAKEN, Conditions.INQUIRY),
    DESK_FIRST_CONTACT_RESOLVED(Group.DESK_TAKEN, Conditions.FIRST_CONTACT_RESOLVED),

    DESK_CALLBACKS_DONE(Group.DESK_CALLED_BACK, "true"),
    DESK_CALLBACKS_ON_TIME(Group.DESK_CALLED_BACK, "exists (select 1 from callback c where c.request_id = r.id"
            + " and c.due_at >= :from and c.due_at < :to and c.status = 'DONE' and c.closed_by = " + Conditions.STAFF_USERNAME
            + " and c.closed_at <= c.due_at)"),

    DESK_RATED(Group.DESK_HANDLED_RATED, "true"),
    DESK_RATED_LOW(Group.DESK_HANDLED_RATED, "exists (select 1 from request_rating rr where rr.request_id = r.id and rr.overall <= 2)");

    /** The requests a drill is a part of. */
    public enum Group {
        RECEIVED("r.received_at >= :from and r.received_at < :to"),
        /*
         * Open at the end of the period: not yet resolved, closed or cancelled then. A request open then and finished
         * since was updated after it, which lets the query use the open-status index for the period that ends now.
         */
        BACKLOG("r.received_at < :asOf"
                + " and (r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'REOPENED')"
                + " or r.updated_at > :asOf)"
                + " and (r.resolved_at is null or r.resolved_at > :asOf)"
                + " and (r.closed_at is null or r.closed_at > :asOf)"
                + " and (r.cancelled_at is null or r.cancelled_at > :asOf)"),
        CALLBACKS("r.id in (select c.request_id from callback c where c.site_id = any(:sites)"
                + " and c.due_at >= :from and c.due_at < :to and c.status <> 'CANCELLED')"),
        RATINGS("r.id in (select rr.request_id from request_rating rr where rr.site_id = any(:sites)"
                + " and rr.rated_at >= :from and rr.rated_at < :to)"),
        TECHNICIAN("r.id in (select w.request_id from work_order w where w.site_id = any(:sites)"
                + " and w.technician_staff_id = :staffId and w.status = 'COMPLETED'"
                + " and w.completed_at >= :from and w.completed_at < :to)"),
        /* Taken at the front desk: self-service requests (portal, QR code) were taken by nobody. */
        DESK_TAKEN("r.received_at >= :from and r.received_at < :to and r.channel not in ('PORTAL', 'QR_CODE')"
                + " and r.created_by = " + Conditions.STAFF_USERNAME),
        DESK_CALLED_BACK("r.id in (select c.request_id from callback c where c.site_id = any(:sites)"
                + " and c.due_at >= :from and c.due_at < :to and c.status = 'DONE' and c.closed_by = "
                + Conditions.STAFF_USERNAME + ")"),
        DESK_HANDLED_RATED(RATINGS.condition + " and r.owner_username = " + Conditions.STAFF_USERNAME);

        private final String condition;

        Group(String condition) {
            this.condition = condition;
        }

        /** Which requests of the sites belong to the group. */
        public String where() {
            return "r.site_id = any(:sites) and " + condition;
        }
    }

    private final Group group;
    private final String condition;
    private final String onCallback;

    Drill(Group group, String condition) {
        this.group = group;
        this.condition = condition;
        this.onCallback = null;
    }

    /** A drill of the callbacks due in the period: the requests with such a callback {@code c} that meets the condition. */
    Drill(Group group, OnCallback onCallback) {
        this.group = group;
        this.condition = "true".equals(onCallback.condition()) ? "true" : Conditions.callback(onCallback.condition());
        this.onCallback = onCallback.condition();
    }

    /** A condition on one callback {@code c}. */
    private record OnCallback(String condition) {
    }

    public Group group() {
        return group;
    }

    /** The condition on {@code r}, in brackets so that it can be combined. */
    public String condition() {
        return "(" + condition + ")";
    }

    /**
     * One row with the count of each of the callbacks group's drills, counted from the callbacks due in the period,
     * each request once: the same sets as the drills' conditions (a request with such a callback meeting the
     * condition), without probing the callbacks of every request of the sites once per drill, which made these few
     * numbers cost more than the rest of the dashboard. A callback has its request's site (set once, from the
     * request), so the callbacks' own site selects the requests the drills select by {@code r.site_id}, without
     * reading the requests.
     */
    public static String countsFromCallbacks(List<Drill> drills) {
        StringBuilder sql = new StringBuilder("with due as (select c.request_id");
        for (int i = 0; i < drills.size(); i++) {
            sql.append(", bool_or(").append(drills.get(i).onCallback).append(") as d").append(i);
        }
        sql.append(" from callback c where c.site_id = any(:sites) and c.due_at >= :from and c.due_at < :to")
                .append(" and c.status <> 'CANCELLED' group by c.request_id) select ");
        for (int i = 0; i < drills.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) filter (where d").append(i).append(")");
        }
        return sql.append(" from due").toString();
    }

    /** The whole condition: the group's and the drill's. */
    public String where() {
        return group.where() + " and " + condition();
    }

    /** Whether the drill needs a technician, {@code :staffId}. */
    public boolean needsTechnician() {
        return group == Group.TECHNICIAN;
    }

    /** Whether the drill needs a staff member, {@code :staffId}: a technician's or a front-desk scorecard's. */
    public boolean needsStaff() {
        return needsTechnician() || group == Group.DESK_TAKEN || group == Group.DESK_CALLED_BACK
                || group == Group.DESK_HANDLED_RATED;
    }

    private static final class Conditions {

        static final String INQUIRY = "r.kind = 'INQUIRY' and r.status <> 'CANCELLED'";
        static final String FIRST_CONTACT_RESOLVED = INQUIRY + " and r.first_contact_resolution";
        /** The staff member's login, which requests and callbacks record as who took or did them. */
        static final String STAFF_USERNAME = "(select s.username from staff s where s.id = :staffId)";
        static final String WORKING = "r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED')";
        static final String ACKNOWLEDGE_ON_TIME = "r.acknowledged_at <= r.due_acknowledge_at";
        static final String ACKNOWLEDGE_BREACHED = "r.acknowledged_at > r.due_acknowledge_at or (r.acknowledged_at is null and "
                + WORKING + " and r.due_acknowledge_at < :now)";
        static final String ARRIVAL_ON_TIME = "r.kind = 'REPAIR' and r.arrived_at <= r.due_arrival_at";
        static final String ARRIVAL_BREACHED = "r.kind = 'REPAIR' and (r.arrived_at > r.due_arrival_at or (r.arrived_at is null and "
                + WORKING + " and r.due_arrival_at < :now))";
        static final String RESOLVE_ON_TIME = "r.resolved_at <= r.due_resolve_at";
        static final String RESOLVE_BREACHED = "r.resolved_at > r.due_resolve_at or (r.resolved_at is null and "
                + WORKING + " and r.due_resolve_at < :now)";

        /** A callback of the request, due in the period, that meets the condition on {@code c}. */
        static String callback(String condition) {
            return "exists (select 1 from callback c where c.request_id = r.id and c.due_at >= :from and c.due_at < :to"
                    + " and c.status <> 'CANCELLED' and (" + condition + "))";
        }

        /** A job of the technician on the request, completed in the period, that meets the condition on {@code w}. */
        static String job(String condition) {
            return "exists (select 1 from work_order w where w.request_id = r.id and w.technician_staff_id = :staffId"
                    + " and w.status = 'COMPLETED' and w.completed_at >= :from and w.completed_at < :to and (" + condition + "))";
        }
    }
}
