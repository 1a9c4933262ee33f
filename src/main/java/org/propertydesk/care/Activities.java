package org.propertydesk.care;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community activities as the staff of a site work with them: planning and changing one, the list with sign-ups and
 * ratings, who signed up and who is waiting, and recording who came. Another site's activity is "not found".
 */
@Service
@Transactional
public class Activities {

    static final int PAGE_SIZE = 20;
    /** Far beyond any real list; keeps the offset arithmetic within int. */
    static final int MAX_PAGE = 100_000;

    private final ActivityRepository activities;
    private final SignUps signUps;
    private final JdbcClient jdbc;
    private final Dates dates;

    Activities(ActivityRepository activities, SignUps signUps, JdbcClient jdbc, Dates dates) {
        this.activities = activities;
        this.signUps = signUps;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** A line of the staff list: the activity with its sign-ups, attendance and ratings. */
    public record Item(long id, String siteName, String title, Instant startsAt, String place, int capacity,
            long confirmed, long waiting, long attended, long ratings, BigDecimal meanRating) {
    }

    /** A person who signed up, as the staff see them; {@code position} is their place in the waiting list. */
    public record Entry(long id, String name, String phone, String houseCode, SignUpStatus status, long position,
            Boolean attended, Integer rating, Instant signedUpAt) {
    }

    public record Detail(Activity activity, String siteName, List<Entry> confirmed, List<Entry> waiting,
            List<Entry> cancelled, long ratings, BigDecimal meanRating) {
    }

    @Transactional(readOnly = true)
    public Page<Item> list(int page) {
        SiteScope scope = CurrentUser.siteScope();
        Long[] sites = scope.idsForQuery().toArray(Long[]::new);
        int number = Math.min(Math.max(page, 0), MAX_PAGE);
        long total = jdbc.sql("select count(*) from activity a where :all or a.site_id = any(:sites)")
                .param("all", scope.allSites()).param("sites", sites).query(Long.class).single();
        List<Item> items = jdbc.sql("""
                select a.id, s.name as site_name, a.title, a.starts_at, a.place, a.capacity,
                       count(*) filter (where su.status = 'CONFIRMED') as confirmed,
                       count(*) filter (where su.status = 'WAITING') as waiting,
                       count(*) filter (where su.status = 'CONFIRMED' and su.attended) as attended,
                       count(su.rating) as ratings, round(avg(su.rating), 1) as mean_rating
                from activity a
                join site s on s.id = a.site_id
                left join activity_sign_up su on su.activity_id = a.id
                where :all or a.site_id = any(:sites)
                group by a.id, s.name
                order by a.starts_at desc, a.id desc
                limit :size offset :offset
                """).param("all", scope.allSites()).param("sites", sites)
                .param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("site_name"), rs.getString("title"),
                        instant(rs, "starts_at"), rs.getString("place"), rs.getInt("capacity"), rs.getLong("confirmed"),
                        rs.getLong("waiting"), rs.getLong("attended"), rs.getLong("ratings"),
                        rs.getBigDecimal("mean_rating")))
                .list();
        return new PageImpl<>(items, PageRequest.of(number, PAGE_SIZE), total);
    }

    /** The activity, if it is at one of the current person's sites. */
    @Transactional(readOnly = true)
    public Activity get(long id) {
        SiteScope scope = CurrentUser.siteScope();
        return activities.findById(id).filter(a -> scope.includes(a.getSiteId()))
                .orElseThrow(() -> new NotFoundException("activity", id));
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        Activity activity = get(id);
        String siteName = jdbc.sql("select name from site where id = ?").params(activity.getSiteId())
                .query(String.class).single();
        List<Entry> entries = jdbc.sql("""
                select su.id, c.name, h.code, su.status, su.attended, su.rating, su.signed_up_at,
                       (select p.number from customer_phone p where p.customer_id = c.id order by p.position limit 1) as phone,
                       case when su.status = 'WAITING'
                            then row_number() over (partition by su.status order by su.queue_no) else 0 end as position
                from activity_sign_up su
                join customer c on c.id = su.customer_id
                join house h on h.id = su.house_id
                where su.activity_id = :id
                order by su.queue_no
                """).param("id", id)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getString("code"), SignUpStatus.valueOf(rs.getString("status")), rs.getLong("position"),
                        (Boolean) rs.getObject("attended"), (Integer) rs.getObject("rating"),
                        instant(rs, "signed_up_at")))
                .list();
        record Ratings(long count, BigDecimal mean) {
        }
        Ratings ratings = jdbc.sql("""
                select count(rating), round(avg(rating), 1) from activity_sign_up where activity_id = ?
                """).params(id).query((rs, n) -> new Ratings(rs.getLong(1), rs.getBigDecimal(2))).single();
        return new Detail(activity, siteName, of(entries, SignUpStatus.CONFIRMED), of(entries, SignUpStatus.WAITING),
                of(entries, SignUpStatus.CANCELLED), ratings.count(), ratings.mean());
    }

    Activity plan(ActivityForm form) {
        boolean siteExists = jdbc.sql("select exists (select 1 from site where id = ?)").params(form.getSiteId())
                .query(Boolean.class).single();
        if (!siteExists || !CurrentUser.siteScope().includes(form.getSiteId())) {
            throw new ActivityFieldRefusal("siteId", "activity.error.siteNotServed");
        }
        Activity.Content content = checked(form);
        if (!content.startsAt().isAfter(dates.now())) {
            throw new ActivityFieldRefusal("startsAt", "activity.error.startsInPast");
        }
        return activities.save(new Activity(form.getSiteId(), content, dates.zone()));
    }

    /**
     * Changes an activity that has not started. A larger capacity gives places to the first people waiting; a
     * smaller one may not leave out anyone already confirmed.
     */
    void change(long id, ActivityForm form) {
        Activity activity = get(id);
        BusinessRuleException.requireVersion(form.getVersion(), activity.getVersion());
        if (activity.hasStarted(dates.now())) {
            throw new BusinessRuleException("activity.error.started");
        }
        Activity.Content content = checked(form);
        signUps.lock(id);
        if (content.capacity() < signUps.confirmed(id)) {
            throw new ActivityFieldRefusal("capacity", "activity.error.capacityBelowConfirmed");
        }
        activity.apply(content, dates.zone());
        activities.flush();
        signUps.promote(id);
    }

    /** Records who came: the confirmed people whose sign-up ids are given did, the others did not. */
    void recordAttendance(long id, Set<Long> attendedIds) {
        Activity activity = get(id);
        if (!activity.hasStarted(dates.now())) {
            throw new BusinessRuleException("activity.error.notStarted");
        }
        signUps.recordAttendance(id, attendedIds, CurrentUser.username());
    }

    private Activity.Content checked(ActivityForm form) {
        if (!form.getEndsAt().isAfter(form.getStartsAt())) {
            throw new ActivityFieldRefusal("endsAt", "activity.error.endsBeforeStart");
        }
        return form.content(dates.zone());
    }

    private static List<Entry> of(List<Entry> entries, SignUpStatus status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
