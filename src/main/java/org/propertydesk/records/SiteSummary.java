package org.propertydesk.records;

/**
 * A site as other modules see it.
 */
public record SiteSummary(Long id, String code, String name) {

    static SiteSummary of(Site site) {
        return new SiteSummary(site.getId(), site.getCode(), site.getName());
    }
}
