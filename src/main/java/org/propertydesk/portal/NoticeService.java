package org.propertydesk.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.propertydesk.records.RecordsDirectory;
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
 * Notices: managers publish them to the sites they serve, change them until withdrawn and see which households have
 * read an urgent one; owners read the current notices of the sites they live in. A notice of another site is "not
 * found" for staff and owners alike.
 */
@Service
@Transactional
public class NoticeService {

    static final int PAGE_SIZE = 20;
    /** Far beyond any real list; keeps the offset arithmetic within int. */
    static final int MAX_PAGE = 100_000;
    static final int OWNER_PAGE_SIZE = 10;
    static final int READERS_PAGE_SIZE = 50;

    /** The households of a notice's sites (those of :sites): each customer living there now, with their houses. */
    private static final String HOUSEHOLDS = """
            with households as (
                select h.site_id, o.customer_id, string_agg(distinct h.code, ', ' order by h.code) as houses
                from notice_site ns
                join house h on h.site_id = ns.site_id
                join occupancy o on o.house_id = h.id and o.end_date is null
                where ns.notice_id = :id and ns.site_id = any(:sites)
                  and (not exists (select 1 from notice_building nb where nb.notice_id = :id)
                       or h.building_id in (select nb.building_id from notice_building nb where nb.notice_id = :id))
                group by h.site_id, o.customer_id
            )
            """;

    private static final String OWNER_ITEMS = """
            select n.id, n.title, n.urgent, n.valid_from,
                   exists (select 1 from notice_read r where r.notice_id = n.id and r.customer_id = :customer) as read
            from notice n
            """;

    /** Valid now, not withdrawn, addressed to one of :sites and, when it names buildings, to one of :houses. */
    private static final String CURRENT_FOR_SITES = """
            n.withdrawn_at is null and n.valid_from <= :now and (n.valid_until is null or n.valid_until > :now)
            and exists (select 1 from notice_site ns where ns.notice_id = n.id and ns.site_id = any(:sites))
            and (not exists (select 1 from notice_building nb where nb.notice_id = n.id)
                 or exists (select 1 from notice_building nb join house h on h.building_id = nb.building_id
                            where nb.notice_id = n.id and h.id = any(:houses)))
            """;

    private final NoticeRepository notices;
    private final OwnerHouseholds households;
    private final JdbcClient jdbc;
    private final Dates dates;

    NoticeService(NoticeRepository notices, OwnerHouseholds households, JdbcClient jdbc, Dates dates) {
        this.notices = notices;
        this.households = households;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    public record StaffItem(long id, String title, boolean urgent, Instant validFrom, Instant validUntil,
            NoticeStatus status, String sites, String publishedBy) {
    }

    public record OwnerItem(long id, String title, boolean urgent, Instant validFrom, boolean read) {
    }

    public record OwnerNotice(long id, String title, String body, boolean urgent, Instant validFrom, Instant validUntil,
            String publishedBy) {

        /** The body's lines, for a page that must not rely on inline styles to keep them apart. */
        public List<String> lines() {
            return Notice.lines(body);
        }
    }

    /** Which households read which filter shows. */
    public enum ReadFilter {
        ALL, READ, UNREAD
    }

    public record SiteCount(long siteId, String siteName, long households, long read) {

        public long unread() {
            return households - read;
        }
    }

    public record Household(String siteName, long customerId, String name, String houses, Instant readAt) {
    }

    public record ReadReceipts(Notice notice, List<SiteCount> sites, Page<Household> households) {

        public long householdsTotal() {
            return sites.stream().mapToLong(SiteCount::households).sum();
        }

        public long readTotal() {
            return sites.stream().mapToLong(SiteCount::read).sum();
        }
    }

    // Staff

    @Transactional(readOnly = true)
    public Page<StaffItem> list(int page) {
        SiteScope scope = CurrentUser.siteScope();
        int number = Math.min(Math.max(page, 0), MAX_PAGE);
        Long[] sites = scope.idsForQuery().toArray(Long[]::new);
        long total = jdbc.sql("""
                select count(*) from notice n
                where :allSites or exists (select 1 from notice_site ns
                                           where ns.notice_id = n.id and ns.site_id = any(:siteIds))
                """).param("allSites", scope.allSites()).param("siteIds", sites).query(Long.class).single();
        Instant now = dates.now();
        List<StaffItem> items = jdbc.sql("""
                select n.id, n.title, n.urgent, n.valid_from, n.valid_until, n.withdrawn_at, n.published_by_name,
                       (select string_agg(s.name, ', ' order by s.code)
                        from notice_site ns join site s on s.id = ns.site_id
                        where ns.notice_id = n.id and (:allSites or ns.site_id = any(:siteIds))) as sites
                from notice n
                where :allSites or exists (select 1 from notice_site ns
                                           where ns.notice_id = n.id and ns.site_id = any(:siteIds))
                order by n.valid_from desc, n.id desc
                limit :size offset :offset
                """).param("allSites", scope.allSites()).param("siteIds", sites)
                .param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, n) -> {
                    Instant from = instant(rs, "valid_from");
                    Instant until = instant(rs, "valid_until");
                    return new StaffItem(rs.getLong("id"), rs.getString("title"), rs.getBoolean("urgent"), from, until,
                            NoticeStatus.of(from, until, instant(rs, "withdrawn_at"), now), rs.getString("sites"),
                            rs.getString("published_by_name"));
                }).list();
        return new PageImpl<>(items, PageRequest.of(number, PAGE_SIZE), total);
    }

    /** The notice, if it is addressed to one of the current person's sites. */
    @Transactional(readOnly = true)
    public Notice get(long id) {
        SiteScope scope = CurrentUser.siteScope();
        return notices.findById(id).filter(n -> n.visibleIn(scope))
                .orElseThrow(() -> new NotFoundException("notice", id));
    }

    Notice publish(NoticeForm form) {
        Notice notice = new Notice(form.content(dates.zone()), CurrentUser.siteScope(), CurrentUser.displayName());
        return notices.save(notice);
    }

    /**
     * Publishes an urgent notice at once to the households of a site the current person serves, or only of some of
     * its buildings (none: the whole site), shown until revised or withdrawn; read receipts follow it like any urgent
     * notice. Text longer than a notice holds is cut. Returns its id.
     */
    public long publishUrgent(long siteId, Set<Long> buildingIds, String title, String body) {
        return notices.save(Notice.urgent(siteId, buildingIds, title, body, dates.now(), CurrentUser.siteScope(),
                CurrentUser.displayName())).getId();
    }

    /**
     * New text for a notice of the current person's sites, and when given, the moment it stops being shown (a notice
     * about something now over). A withdrawn notice is left as it was.
     */
    public void revise(long id, String body, Instant validUntil) {
        Notice notice = get(id);
        // a manager withdrew it: it stays on record as it was
        if (!notice.isWithdrawn()) {
            notice.revise(body, validUntil);
        }
    }

    void edit(long id, NoticeForm form) {
        Notice notice = changeable(id);
        BusinessRuleException.requireVersion(form.getVersion(), notice.getVersion());
        notice.edit(form.content(dates.zone()), CurrentUser.siteScope());
    }

    public void withdraw(long id) {
        changeable(id).withdraw(dates.now());
    }

    /** A notice the person may change: one shown only at sites they serve, since a change reaches every site of it. */
    private Notice changeable(long id) {
        Notice notice = get(id);
        if (!notice.getSiteIds().stream().allMatch(CurrentUser.siteScope()::includes)) {
            throw new BusinessRuleException("notice.error.otherSites");
        }
        return notice;
    }

    /**
     * Who has read an urgent notice: every household of its sites the person serves (a customer living there now),
     * with when they opened it, and the counts per site. Only urgent notices are followed up this way.
     */
    @Transactional(readOnly = true)
    public ReadReceipts readers(long id, ReadFilter filter, int page) {
        Notice notice = get(id);
        if (!notice.isUrgent()) {
            throw new NotFoundException("read receipts of notice", id);
        }
        SiteScope scope = CurrentUser.siteScope();
        Long[] sites = notice.getSiteIds().stream().filter(scope::includes).toArray(Long[]::new);
        List<SiteCount> counts = jdbc.sql(HOUSEHOLDS + """
                select s.id, s.name, count(hh.customer_id) as households, count(r.read_at) as read
                from notice_site ns
                join site s on s.id = ns.site_id
                left join households hh on hh.site_id = ns.site_id
                left join notice_read r on r.notice_id = ns.notice_id and r.customer_id = hh.customer_id
                where ns.notice_id = :id and ns.site_id = any(:sites)
                group by s.id, s.name, s.code
                order by s.code
                """).param("id", id).param("sites", sites)
                .query((rs, n) -> new SiteCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
        long total = counts.stream().mapToLong(c -> switch (filter) {
            case ALL -> c.households();
            case READ -> c.read();
            case UNREAD -> c.unread();
        }).sum();
        int number = Math.min(Math.max(page, 0), MAX_PAGE);
        List<Household> rows = jdbc.sql(HOUSEHOLDS + """
                select s.name as site_name, c.id, c.name, hh.houses, r.read_at
                from households hh
                join site s on s.id = hh.site_id
                join customer c on c.id = hh.customer_id
                left join notice_read r on r.notice_id = :id and r.customer_id = hh.customer_id
                where :filter = 'ALL' or (:filter = 'READ') = (r.read_at is not null)
                order by s.code, r.read_at is not null, r.read_at desc, hh.houses, c.name, c.id
                limit :size offset :offset
                """).param("id", id).param("sites", sites).param("filter", filter.name())
                .param("size", READERS_PAGE_SIZE).param("offset", number * READERS_PAGE_SIZE)
                .query((rs, n) -> new Household(rs.getString("site_name"), rs.getLong("id"), rs.getString("name"),
                        rs.getString("houses"), instant(rs, "read_at"))).list();
        return new ReadReceipts(notice, counts, new PageImpl<>(rows, PageRequest.of(number, READERS_PAGE_SIZE), total));
    }

    // Owners

    /** The current notices of the sites the owner lives in, newest first. */
    @Transactional(readOnly = true)
    public Page<OwnerItem> current(int page) {
        long customer = households.customerId();
        Long[] sites = ownerSites();
        Long[] houses = ownerHouses();
        Timestamp now = Timestamp.from(dates.now());
        int number = Math.min(Math.max(page, 0), MAX_PAGE);
        long total = jdbc.sql("select count(*) from notice n where " + CURRENT_FOR_SITES)
                .param("now", now).param("sites", sites).param("houses", houses).query(Long.class).single();
        List<OwnerItem> items = jdbc.sql(OWNER_ITEMS + " where " + CURRENT_FOR_SITES + """
                 order by n.valid_from desc, n.id desc
                limit :size offset :offset
                """).param("now", now).param("sites", sites).param("houses", houses).param("customer", customer)
                .param("size", OWNER_PAGE_SIZE).param("offset", number * OWNER_PAGE_SIZE)
                .query(NoticeService::ownerItem).list();
        return new PageImpl<>(items, PageRequest.of(number, OWNER_PAGE_SIZE), total);
    }

    /** The urgent current notices of the owner's sites they have not opened yet, newest first. */
    @Transactional(readOnly = true)
    public List<OwnerItem> unreadUrgent() {
        long customer = households.customerId();
        return jdbc.sql(OWNER_ITEMS + " where n.urgent and " + CURRENT_FOR_SITES + """
                 and not exists (select 1 from notice_read r where r.notice_id = n.id and r.customer_id = :customer)
                order by n.valid_from desc, n.id desc
                """).param("now", Timestamp.from(dates.now())).param("sites", ownerSites())
                .param("houses", ownerHouses()).param("customer", customer)
                .query(NoticeService::ownerItem).list();
    }

    /**
     * A current notice of the owner's sites, which now counts as read by their household; the first opening is the
     * one recorded.
     */
    public OwnerNotice open(long id) {
        long customer = households.customerId();
        Instant now = dates.now();
        OwnerNotice notice = jdbc.sql("""
                select n.id, n.title, n.body, n.urgent, n.valid_from, n.valid_until, n.published_by_name
                from notice n where n.id = :id and
                """ + CURRENT_FOR_SITES).param("id", id).param("now", Timestamp.from(now)).param("sites", ownerSites())
                .param("houses", ownerHouses())
                .query((rs, n) -> new OwnerNotice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                        rs.getBoolean("urgent"), instant(rs, "valid_from"), instant(rs, "valid_until"),
                        rs.getString("published_by_name")))
                .optional().orElseThrow(() -> new NotFoundException("notice", id));
        jdbc.sql("""
                insert into notice_read (notice_id, customer_id, read_at) values (:id, :customer, :now)
                on conflict do nothing
                """).param("id", id).param("customer", customer).param("now", Timestamp.from(now)).update();
        return notice;
    }

    private Long[] ownerSites() {
        Long[] sites = households.houses().stream().map(RecordsDirectory.HouseSummary::siteId).distinct()
                .toArray(Long[]::new);
        return sites.length == 0 ? new Long[] {-1L} : sites;
    }

    private Long[] ownerHouses() {
        Long[] houses = households.houses().stream().map(RecordsDirectory.HouseSummary::id).toArray(Long[]::new);
        return houses.length == 0 ? new Long[] {-1L} : houses;
    }

    private static OwnerItem ownerItem(ResultSet rs, int row) throws SQLException {
        return new OwnerItem(rs.getLong("id"), rs.getString("title"), rs.getBoolean("urgent"),
                instant(rs, "valid_from"), rs.getBoolean("read"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
