package org.propertydesk.surveys;

enum ImprovementStatus {
    OPEN, DONE
}
