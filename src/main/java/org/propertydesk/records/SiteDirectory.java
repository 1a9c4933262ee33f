package org.propertydesk.records;

import java.util.List;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites, for other modules: pickers, filters and scope checks.
 */
@Service
@Transactional(readOnly = true)
public class SiteDirectory {

    private final SiteRepository sites;

    SiteDirectory(SiteRepository sites) {
        this.sites = sites;
    }

    public List<SiteSummary> all() {
        return sites.findAllByOrderByCode().stream().map(SiteSummary::of).toList();
    }

    public List<SiteSummary> visibleIn(SiteScope scope) {
        List<Site> visible = scope.allSites() ? sites.findAllByOrderByCode() : sites.findByIdInOrderByCode(scope.idsForQuery());
        return visible.stream().map(SiteSummary::of).toList();
    }
}
