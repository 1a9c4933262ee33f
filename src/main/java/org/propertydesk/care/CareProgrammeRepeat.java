package org.propertydesk.care;

/** A one-off programme has a single round over its whole period; a monthly one a round per calendar month. */
enum CareProgrammeRepeat {
    ONCE, MONTHLY
}
