package org.propertydesk.requests;

/**
 * A section another module adds to the request page (dispatch shows the request's work orders). The page loads each
 * section's URL with htmx, so a module renders its own fragment with its own permissions.
 */
public interface RequestPageSection {

    /** Message key of the section's heading. */
    String titleKey();

    /** Where the page loads the section's content from, for one request. */
    String url(long requestId);

    /** Lower comes first. */
    default int order() {
        return 100;
    }
}
