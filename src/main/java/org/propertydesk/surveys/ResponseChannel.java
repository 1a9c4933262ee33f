package org.propertydesk.surveys;

/** How an answer came in: entered by staff from a paper form or a phone call, or by the owner through a signed link. */
enum ResponseChannel {
    PAPER, PHONE, LINK
}
