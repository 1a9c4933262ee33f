package org.propertydesk.dashboard;

/**
 * A section another module adds to the manager dashboard (care coverage, incidents). The dashboard loads each
 * section's URL with htmx, passing the same site and period choice it shows, so the module renders its own figures
 * with its own permissions and over the same sites and dates.
 */
public interface DashboardSection {

    /** Message key of the section's heading. */
    String titleKey();

    /**
     * Where the dashboard loads the section from. The dashboard appends its query string: {@code sites} (repeated,
     * none for all the sites the user may see), {@code period}, {@code month}, {@code from}, {@code to}, the same
     * parameters {@link DashboardParams} binds, so a section resolves them with {@link Selections#resolve}.
     */
    String path();

    /** Lower comes first. */
    default int order() {
        return 100;
    }
}
