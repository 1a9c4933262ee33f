package org.propertydesk.affairs;

/** How a household was reminded of overdue fees; a portal reminder is shown to the household on its bills page. */
enum ReminderChannel {
    PHONE, SMS, WECHAT, VISIT, LETTER, PORTAL
}
