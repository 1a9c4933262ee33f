/**
 * Incidents (应急事件): a site-wide event such as a water outage, declared once, that tells the affected households at
 * once and absorbs the calls it causes: each call is linked to the incident instead of becoming separate work, and
 * the incident's updates and resolution reach every linked request.
 */
@ApplicationModule(displayName = "Incidents")
package org.propertydesk.incidents;

import org.springframework.modulith.ApplicationModule;
