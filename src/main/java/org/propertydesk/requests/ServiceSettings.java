package org.propertydesk.requests;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins and managers set up for requests: the category tree, the SLA policies and the sites' business hours
 * and holidays. Changes apply to requests received from then on, and to due times recomputed after a change.
 */
@Service
@Transactional
class ServiceSettings {

    private final RequestCategoryRepository categories;
    private final SlaPolicyRepository policies;
    private final JdbcClient jdbc;
    private final Dates dates;

    ServiceSettings(RequestCategoryRepository categories, SlaPolicyRepository policies, JdbcClient jdbc, Dates dates) {
        this.categories = categories;
        this.policies = policies;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @Transactional(readOnly = true)
    List<RequestCategory> categories() {
        return categories.findAllOrdered();
    }

    @Transactional(readOnly = true)
    RequestCategory category(long id) {
        return categories.findById(id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    @Transactional(readOnly = true)
    boolean categoryCodeTaken(String code) {
        return categories.findByCode(code).isPresent();
    }

    RequestCategory saveCategory(Long id, CategoryForm form) {
        RequestCategory parent = form.getParentCode() == null ? null : categories.findByCode(form.getParentCode())
                .orElseThrow(() -> new BusinessRuleException("category.error.parent"));
        if (parent != null && parent.getParent() != null) {
            throw new BusinessRuleException("category.error.depth");
        }
        if (id == null) {
            if (categoryCodeTaken(form.getCode())) {
                throw new BusinessRuleException("category.error.codeTaken");
            }
            return categories.save(new RequestCategory(form.getCode(), parent, form.getNameZh(), form.getNameEn(),
                    form.getDefaultPriority(), form.getSkill(), form.isSpecialService(), form.getSortOrder()));
        }
        RequestCategory category = category(id);
        BusinessRuleException.requireVersion(form.getVersion(), category.getVersion());
        if (parent != null && parent.getId().equals(category.getId())) {
            throw new BusinessRuleException("category.error.parent");
        }
        category.update(form.getNameZh(), form.getNameEn(), form.getDefaultPriority(), form.getSkill(),
                form.isSpecialService(), form.getSortOrder(), form.isActive());
        return category;
    }

    @Transactional(readOnly = true)
    List<SlaPolicy> policies() {
        return policies.findAll().stream()
                .sorted(Comparator.comparing((SlaPolicy p) -> p.getSiteId() == null ? 0L : p.getSiteId())
                        .thenComparing(SlaPolicy::getKind).thenComparing(SlaPolicy::getPriority))
                .toList();
    }

    @Transactional(readOnly = true)
    SlaPolicy policy(long id) {
        return policies.findById(id).orElseThrow(() -> new NotFoundException("Policy", id));
    }

    /** Saves a policy's targets; a new one is a site override of the company-wide policy of its kind and priority. */
    SlaPolicy savePolicy(Long id, SlaPolicyForm form) {
        RequestKind kind = id == null ? form.getKind() : policy(id).getKind();
        if (kind == RequestKind.REPAIR && form.getArrivalMinutes() == null && !form.isArrivalNextBusinessDay()) {
            throw new BusinessRuleException("sla.error.arrivalRequired");
        }
        if (id == null) {
            if (form.getSiteId() == null) {
                throw new BusinessRuleException("sla.error.siteRequired");
            }
            boolean exists = policies.findForSite(form.getSiteId()).stream().anyMatch(p -> Objects.equals(p.getSiteId(),
                    form.getSiteId()) && p.getKind() == form.getKind() && p.getPriority() == form.getPriority());
            if (exists) {
                throw new BusinessRuleException("sla.error.overrideExists");
            }
            return policies.save(new SlaPolicy(form.getSiteId(), form.getKind(), form.getPriority(), form.getResponseMinutes(),
                    form.getArrivalMinutes(), form.isArrivalNextBusinessDay(), form.getResolutionMinutes(),
                    form.isBusinessHours(), dates.now(), CurrentUser.username()));
        }
        SlaPolicy policy = policy(id);
        BusinessRuleException.requireVersion(form.getVersion(), policy.getVersion());
        policy.change(form.getResponseMinutes(), form.getArrivalMinutes(), form.isArrivalNextBusinessDay(),
                form.getResolutionMinutes(), form.isBusinessHours(), dates.now(), CurrentUser.username());
        return policy;
    }

    void deleteOverride(long id) {
        SlaPolicy policy = policy(id);
        if (policy.getSiteId() == null) {
            throw new BusinessRuleException("sla.error.companyWide");
        }
        policies.delete(policy);
    }

    /** One day of a site's week; {@code open} false means closed all day. */
    record Day(DayOfWeek day, boolean open, LocalTime opens, LocalTime closes) {
    }

    @Transactional(readOnly = true)
    List<Day> week(long siteId) {
        List<Day> stored = jdbc.sql("select day_of_week, opens_at, closes_at from business_hours where site_id = :site order by day_of_week")
                .param("site", siteId)
                .query((rs, n) -> new Day(DayOfWeek.of(rs.getInt(1)), true, rs.getObject(2, Time.class).toLocalTime(),
                        rs.getObject(3, Time.class).toLocalTime()))
                .list();
        List<Day> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(stored.isEmpty() ? new Day(day, true, LocalTime.of(8, 0), LocalTime.of(18, 0))
                    : stored.stream().filter(d -> d.day() == day).findFirst()
                            .orElse(new Day(day, false, LocalTime.of(8, 0), LocalTime.of(18, 0))));
        }
        return week;
    }

    void saveWeek(long siteId, List<Day> week) {
        if (week.stream().noneMatch(Day::open)) {
            throw new BusinessRuleException("hours.error.noOpenDay");
        }
        for (Day day : week) {
            if (day.open() && (day.opens() == null || day.closes() == null || !day.closes().isAfter(day.opens()))) {
                throw new BusinessRuleException("hours.error.order");
            }
        }
        jdbc.sql("delete from business_hours where site_id = :site").param("site", siteId).update();
        for (Day day : week) {
            if (day.open()) {
                jdbc.sql("insert into business_hours (site_id, day_of_week, opens_at, closes_at) values (:site, :day, :opens, :closes)")
                        .param("site", siteId).param("day", day.day().getValue())
                        .param("opens", Time.valueOf(day.opens())).param("closes", Time.valueOf(day.closes()))
                        .update();
            }
        }
    }

    record Holiday(long id, Long siteId, LocalDate day, String name) {
    }

    @Transactional(readOnly = true)
    List<Holiday> holidays(long siteId) {
        return jdbc.sql("select id, site_id, day, name from holiday where (site_id is null or site_id = :site) and day >= :from order by day")
                .param("site", siteId)
                .param("from", dates.today().minusDays(30))
                .query((rs, n) -> new Holiday(rs.getLong(1), (Long) rs.getObject(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    void addHoliday(Long siteId, LocalDate day, String name) {
        int added = jdbc.sql("""
                insert into holiday (site_id, day, name) values (:site, :day, :name)
                on conflict do nothing
                """)
                .param("site", siteId).param("day", day).param("name", name)
                .update();
        if (added == 0) {
            throw new BusinessRuleException("hours.error.holidayExists");
        }
    }

    /** The holiday, if it belongs to the site or to all sites. */
    @Transactional(readOnly = true)
    Optional<Holiday> holiday(long id, long siteId) {
        return jdbc.sql("select id, site_id, day, name from holiday where id = :id and (site_id is null or site_id = :site)")
                .param("id", id).param("site", siteId)
                .query((rs, n) -> new Holiday(rs.getLong(1), (Long) rs.getObject(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .optional();
    }

    void removeHoliday(long id) {
        jdbc.sql("delete from holiday where id = :id").param("id", id).update();
    }
}
