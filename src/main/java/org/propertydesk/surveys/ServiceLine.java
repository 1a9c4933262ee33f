package org.propertydesk.surveys;

/** The service lines a rating question measures; each has its own satisfaction index. */
enum ServiceLine {
    CUSTOMER_SERVICE, REPAIRS, CLEANING, GREENING, SECURITY, PARKING, ACTIVITIES
}
