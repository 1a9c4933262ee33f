/**
 * Service requests (工单): inquiries, repairs and complaints, from intake to close, each step timed against its SLA
 * target and owned by a named person.
 */
@ApplicationModule(displayName = "Service requests")
package org.propertydesk.requests;

import org.springframework.modulith.ApplicationModule;
