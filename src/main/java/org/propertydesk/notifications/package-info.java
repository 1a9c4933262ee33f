/**
 * In-app notifications for staff (the bell), mirrored by email when a mail server is configured.
 */
@ApplicationModule(displayName = "Notifications")
package org.propertydesk.notifications;

import org.springframework.modulith.ApplicationModule;
