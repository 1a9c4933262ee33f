/**
 * Dispatch (派工): technicians with their skills, teams and duty rosters; work orders that carry a request's work to
 * the right technician and drive the request's state; the dispatcher board with ranked suggestions; the technician's
 * phone page; the materials price list; automatic dispatch.
 */
@ApplicationModule(displayName = "Dispatch")
package org.propertydesk.dispatch;

import org.springframework.modulith.ApplicationModule;
