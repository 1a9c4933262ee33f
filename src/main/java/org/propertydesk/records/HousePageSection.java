package org.propertydesk.records;

/**
 * A section another module adds to the house page (the requests module lists the house's requests, its repair
 * history). Loaded with htmx from the module's own URL, under the module's own permissions.
 */
public interface HousePageSection {

    /** Message key of the section's heading. */
    String titleKey();

    /** Where the page loads the section's content from, for one house. */
    String url(long houseId);
}
