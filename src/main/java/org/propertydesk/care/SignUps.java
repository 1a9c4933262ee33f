package org.propertydesk.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.portal.OwnerHouseholds;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners signing up for their sites' activities, one place per person: within the capacity the place is confirmed,
 * beyond it the person waits in the order they came; when a confirmed person cancels (or the capacity grows) the
 * first waiting take the free places. Every change to who holds a place locks the activity's row first, so that
 * people signing up at the same moment are served one after the other and the capacity is never exceeded.
 * An activity of a site the owner does not live at is "not found".
 */
@Service
@Transactional
public class SignUps {

    static final int RECENT_DAYS = 30;

    /** A person's sign-up with their place in the waiting list (0 unless waiting). */
    private static final String MINE = """
            select su.activity_id, su.status, su.attended, su.rating,
                   case when su.status = 'WAITING'
                        then (select count(*) from activity_sign_up w where w.activity_id = su.activity_id
                              and w.status = 'WAITING' and w.queue_no <= su.queue_no) else 0 end as position
            from activity_sign_up su
            """;

    private final ActivityRepository activities;
    private final OwnerHouseholds households;
    private final JdbcClient jdbc;
    private final Dates dates;

    SignUps(ActivityRepository activities, OwnerHouseholds households, JdbcClient jdbc, Dates dates) {
        this.activities = activities;
        this.households = households;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** The owner's own sign-up: status, place in the waiting list (0 unless waiting), attendance and rating. */
    public record Mine(SignUpStatus status, long position, Boolean attended, Integer rating) {

        public boolean holdsPlace() {
            return status == SignUpStatus.CONFIRMED || status == SignUpStatus.WAITING;
        }
    }

    /** An activity as an owner sees it, with the places left and their own sign-up, if any. */
    public record OwnerActivity(Activity activity, long confirmed, long waiting, Mine mine) {

        public long placesLeft() {
            return Math.max(0, activity.getCapacity() - confirmed);
        }

        public boolean signedUp() {
            return mine != null && mine.holdsPlace();
        }
    }

    // Owners

    /** The activities of the owner's sites that are still to come, soonest first. */
    @Transactional(readOnly = true)
    public List<OwnerActivity> upcoming() {
        return ownerList("a.ends_at > :now order by a.starts_at, a.id limit 50");
    }

    /** The owner's sites' activities of the last {@value #RECENT_DAYS} days, latest first, for rating them. */
    @Transactional(readOnly = true)
    public List<OwnerActivity> recent() {
        return ownerList("a.ends_at <= :now and a.ends_at > :since order by a.starts_at desc, a.id desc limit 20");
    }

    @Transactional(readOnly = true)
    public OwnerActivity view(long id) {
        Activity activity = visibleToOwner(id);
        long customer = households.customerId();
        return new OwnerActivity(activity, count(id, SignUpStatus.CONFIRMED), count(id, SignUpStatus.WAITING),
                mine(id, customer).orElse(null));
    }

    /** Signs the owner up: a confirmed place while there is one, otherwise the end of the waiting list. */
    public SignUpStatus signUp(long id) {
        Activity activity = visibleToOwner(id);
        long customer = households.customerId();
        HouseSummary house = households.houses().stream().filter(h -> h.siteId().equals(activity.getSiteId()))
                .findFirst().orElseThrow(() -> new NotFoundException("activity", id));
        Instant now = dates.now();
        int capacity = lock(id);
        if (!activity.isOpenForSignUp(now)) {
            throw new BusinessRuleException("activity.error.signUpClosed");
        }
        Optional<Mine> existing = mine(id, customer);
        if (existing.isPresent() && existing.get().holdsPlace()) {
            throw new BusinessRuleException("activity.error.alreadySignedUp");
        }
        SignUpStatus status = confirmed(id) < capacity ? SignUpStatus.CONFIRMED : SignUpStatus.WAITING;
        jdbc.sql("""
                insert into activity_sign_up (activity_id, customer_id, house_id, status, queue_no, signed_up_at)
                values (:activity, :customer, :house, :status, nextval('activity_queue_seq'), :now)
                on conflict (activity_id, customer_id) do update
                set house_id = excluded.house_id, status = excluded.status, queue_no = excluded.queue_no,
                    signed_up_at = excluded.signed_up_at, cancelled_at = null
                """).param("activity", id).param("customer", customer).param("house", house.id())
                .param("status", status.name()).param("now", Timestamp.from(now)).update();
        return status;
    }

    /** Gives up the owner's place or their place in the waiting list; a freed place goes to the first waiting. */
    public void cancel(long id) {
        Activity activity = visibleToOwner(id);
        long customer = households.customerId();
        lock(id);
        if (!activity.isOpenForSignUp(dates.now())) {
            throw new BusinessRuleException("activity.error.signUpClosed");
        }
        int changed = jdbc.sql("""
                update activity_sign_up set status = 'CANCELLED', cancelled_at = :now
                where activity_id = :activity and customer_id = :customer and status in ('CONFIRMED', 'WAITING')
                """).param("activity", id).param("customer", customer).param("now", Timestamp.from(dates.now()))
                .update();
        if (changed == 0) {
            throw new BusinessRuleException("activity.error.notSignedUp");
        }
        promote(id);
    }

    /** The owner's rating, 1–5, once, if they came and the activity is over. */
    public void rate(long id, int rating) {
        Activity activity = visibleToOwner(id);
        if (rating < 1 || rating > 5) {
            throw new ActivityFieldRefusal("rating", "activity.error.ratingRange");
        }
        long customer = households.customerId();
        if (!activity.isOver(dates.now())) {
            throw new BusinessRuleException("activity.error.notOver");
        }
        Mine mine = mine(id, customer).filter(m -> m.status() == SignUpStatus.CONFIRMED && Boolean.TRUE.equals(m.attended()))
                .orElseThrow(() -> new BusinessRuleException("activity.error.onlyAttendees"));
        if (mine.rating() != null) {
            throw new BusinessRuleException("activity.error.alreadyRated");
        }
        int changed = jdbc.sql("""
                update activity_sign_up set rating = :rating, rated_at = :now
                where activity_id = :activity and customer_id = :customer and status = 'CONFIRMED' and attended
                  and rating is null
                """).param("rating", rating).param("now", Timestamp.from(dates.now()))
                .param("activity", id).param("customer", customer).update();
        if (changed == 0) {
            throw new BusinessRuleException("activity.error.alreadyRated");
        }
    }

    // The queue, for both sides

    /** Locks the activity's row until the transaction ends and returns its capacity as it stands. */
    int lock(long id) {
        return jdbc.sql("select capacity from activity where id = ? for update").params(id).query(Integer.class)
                .optional().orElseThrow(() -> new NotFoundException("activity", id));
    }

    long confirmed(long id) {
        return count(id, SignUpStatus.CONFIRMED);
    }

    /** Gives the free places, if any, to the people waiting longest; the caller holds the lock. */
    void promote(long id) {
        jdbc.sql("""
                update activity_sign_up set status = 'CONFIRMED'
                where id in (select w.id from activity_sign_up w
                             where w.activity_id = :id and w.status = 'WAITING'
                             order by w.queue_no
                             limit greatest(0, (select a.capacity from activity a where a.id = :id)
                                               - (select count(*) from activity_sign_up c
                                                  where c.activity_id = :id and c.status = 'CONFIRMED')))
                """).param("id", id).update();
    }

    /**
     * Marks the confirmed people given as having come and the other confirmed people as not; someone who has already
     * rated the activity evidently came and stays so.
     */
    void recordAttendance(long id, Set<Long> attendedIds, String by) {
        jdbc.sql("""
                update activity_sign_up set attended = (id = any(:ids) or rating is not null), attendance_by = :by
                where activity_id = :activity and status = 'CONFIRMED'
                """).param("ids", attendedIds.isEmpty() ? new Long[] {-1L} : attendedIds.toArray(Long[]::new))
                .param("by", by).param("activity", id).update();
    }

    private long count(long id, SignUpStatus status) {
        return jdbc.sql("select count(*) from activity_sign_up where activity_id = ? and status = ?")
                .params(id, status.name()).query(Long.class).single();
    }

    private Optional<Mine> mine(long id, long customer) {
        return jdbc.sql(MINE + " where su.activity_id = :id and su.customer_id = :customer")
                .param("id", id).param("customer", customer).query((rs, n) -> mine(rs)).optional();
    }

    private Activity visibleToOwner(long id) {
        return activities.findById(id).filter(a -> ownerSites().contains(a.getSiteId()))
                .orElseThrow(() -> new NotFoundException("activity", id));
    }

    private List<Long> ownerSites() {
        return households.houses().stream().map(HouseSummary::siteId).distinct().toList();
    }

    private List<OwnerActivity> ownerList(String condition) {
        long customer = households.customerId();
        List<Long> sites = ownerSites();
        Instant now = dates.now();
        List<Long> ids = jdbc.sql("select a.id from activity a where a.site_id = any(:sites) and " + condition)
                .param("sites", sites.isEmpty() ? new Long[] {-1L} : sites.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(Duration.ofDays(RECENT_DAYS))))
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] idArray = ids.toArray(Long[]::new);
        Map<Long, Activity> byId = activities.findAllById(ids).stream()
                .collect(Collectors.toMap(Activity::getId, Function.identity()));
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select activity_id, count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITING')
                from activity_sign_up where activity_id = any(:ids) group by activity_id
                """).param("ids", idArray)
                .query(rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        Map<Long, Mine> mine = new HashMap<>();
        jdbc.sql(MINE + " where su.activity_id = any(:ids) and su.customer_id = :customer")
                .param("ids", idArray).param("customer", customer)
                .query(rs -> {
                    mine.put(rs.getLong("activity_id"), mine(rs));
                });
        return ids.stream().map(id -> {
            long[] count = counts.getOrDefault(id, new long[2]);
            return new OwnerActivity(byId.get(id), count[0], count[1], mine.get(id));
        }).toList();
    }

    private static Mine mine(ResultSet rs) throws SQLException {
        return new Mine(SignUpStatus.valueOf(rs.getString("status")), rs.getLong("position"),
                (Boolean) rs.getObject("attended"), (Integer) rs.getObject("rating"));
    }
}
