package org.propertydesk.portal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report points of the sites staff serve: every building of a site has its entrance point, made the first time
 * someone looks at the site's points, and staff add points for common areas (lift lobby, car park, club house),
 * rename them and switch them off. Points of sites outside the user's scope are "not found".
 */
@Service
@Transactional
class ReportPoints {

    /** 18 random bytes: 24 URL-safe characters that nobody guesses. */
    private static final int TOKEN_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReportPointRepository points;
    private final RecordsDirectory records;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    ReportPoints(ReportPointRepository points, RecordsDirectory records, JdbcClient jdbc, MessageSource messages) {
        this.points = points;
        this.records = records;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private record BuildingRow(long id, String code, String name) {
    }

    /** The site, if the current user serves it. */
    @Transactional(readOnly = true)
    SiteSummary site(long siteId) {
        if (!CurrentUser.siteScope().includes(siteId)) {
            throw new NotFoundException("site", siteId);
        }
        return records.site(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
    }

    /**
     * The site's points, after giving each building that has none its entrance point. A building whose point was
     * switched off keeps it off: staff decided so.
     */
    List<ReportPoint> ofSite(long siteId) {
        site(siteId);
        Set<Long> covered = points.findBySiteOrdered(siteId).stream().map(ReportPoint::getBuildingId)
                .filter(id -> id != null).collect(Collectors.toSet());
        List<BuildingRow> buildings = jdbc.sql("select id, code, name from building where site_id = :site order by code")
                .param("site", siteId).query(BuildingRow.class).list();
        for (BuildingRow building : buildings) {
            if (!covered.contains(building.id())) {
                String label = building.name() == null || building.name().isBlank() ? building.code() : building.name();
                String name = messages.getMessage("report.point.entranceName", new Object[] {label},
                        LocaleContextHolder.getLocale());
                points.save(new ReportPoint(siteId, building.id(), fit(name), newToken()));
            }
        }
        points.flush();
        return points.findBySiteOrdered(siteId);
    }

    /** A point of a site the current user serves. */
    @Transactional(readOnly = true)
    ReportPoint get(long id) {
        return points.findById(id).filter(p -> CurrentUser.siteScope().includes(p.getSiteId()))
                .orElseThrow(() -> new NotFoundException("report point", id));
    }

    /** A point for a common area of the site (lift lobby, car park…). */
    ReportPoint addCommonArea(long siteId, String name) {
        site(siteId);
        return points.save(new ReportPoint(siteId, null, checkedName(name), newToken()));
    }

    ReportPoint rename(long id, String name, Long version) {
        ReportPoint point = get(id);
        BusinessRuleException.requireVersion(version, point.getVersion());
        point.rename(checkedName(name));
        return point;
    }

    /** Switches the point off: its printed code then opens a "no longer in use" page. */
    ReportPoint deactivate(long id, Long version) {
        ReportPoint point = get(id);
        BusinessRuleException.requireVersion(version, point.getVersion());
        point.deactivate();
        return point;
    }

    ReportPoint reactivate(long id, Long version) {
        ReportPoint point = get(id);
        BusinessRuleException.requireVersion(version, point.getVersion());
        point.reactivate();
        return point;
    }

    /** The active point a printed code names, for the public form; anyone may ask. */
    @Transactional(readOnly = true)
    Optional<ReportPoint> active(String token) {
        if (token == null || token.length() > 40) {
            return Optional.empty();
        }
        return points.findByToken(token).filter(ReportPoint::isActive);
    }

    /** The site's name for the public form, which shows where the report goes. */
    @Transactional(readOnly = true)
    String siteName(ReportPoint point) {
        return records.site(point.getSiteId()).map(SiteSummary::name).orElse("");
    }

    private static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new FieldRefusal("name", "report.point.error.nameRequired");
        }
        if (trimmed.length() > ReportPoint.MAX_NAME) {
            throw new FieldRefusal("name", "report.point.error.nameTooLong");
        }
        return trimmed;
    }

    private static String fit(String name) {
        return name.length() <= ReportPoint.MAX_NAME ? name : name.substring(0, ReportPoint.MAX_NAME);
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
