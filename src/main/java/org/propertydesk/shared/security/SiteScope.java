package org.propertydesk.shared.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Which sites a person may see. Staff with all-sites access see every site; everyone else only the sites they serve.
 */
public record SiteScope(boolean allSites, Set<Long> siteIds) implements Serializable {

    public SiteScope {
        siteIds = Set.copyOf(siteIds);
    }

    public static SiteScope all() {
        return new SiteScope(true, Set.of());
    }

    public static SiteScope of(Collection<Long> siteIds) {
        return new SiteScope(false, Set.copyOf(siteIds));
    }

    public boolean includes(Long siteId) {
        return allSites || (siteId != null && siteIds.contains(siteId));
    }

    /**
     * The ids to put in a {@code site_id in (:ids)} clause; never empty, so that the SQL stays valid and matches nothing.
     */
    public Set<Long> idsForQuery() {
        return siteIds.isEmpty() ? Set.of(-1L) : siteIds;
    }
}
