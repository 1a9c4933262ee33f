package org.propertydesk.surveys;

/** Draft (editable) → open (answers accepted) → closed (results final, improvement tasks raised). */
enum QuestionnaireStatus {
    DRAFT, OPEN, CLOSED
}
