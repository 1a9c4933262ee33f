package org.propertydesk.records;

/**
 * A section another module adds to the customer 360 page (the requests module lists the customer's requests).
 * The page loads each section's URL with htmx, so a module renders its own fragment with its own permissions.
 */
public interface CustomerPageSection {

    /** Message key of the section's heading. */
    String titleKey();

    /** Where the page loads the section's content from, for one customer. */
    String url(long customerId);

    /** Lower comes first. */
    default int order() {
        return 100;
    }
}
