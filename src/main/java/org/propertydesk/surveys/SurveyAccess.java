package org.propertydesk.surveys;

/** Who may do what with surveys, as Spring Security expressions. */
final class SurveyAccess {

    /** Build questionnaires, open and close them, see results, handle improvement tasks. */
    static final String MANAGERS = "hasAnyRole('ADMIN','MANAGER')";

    /** See questionnaires of their sites and enter paper or phone answers on an owner's behalf. */
    static final String ENTRY = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    private SurveyAccess() {
    }
}
