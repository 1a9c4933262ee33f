package org.propertydesk.affairs;

/**
 * Which decorations a site's list shows: those not accepted yet, those past their planned end and still not accepted,
 * or those accepted.
 */
enum DecorationFilter {
    OPEN, OVERDUE, ACCEPTED
}
