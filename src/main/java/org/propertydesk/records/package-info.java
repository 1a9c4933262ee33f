/**
 * Sites, buildings and houses; customers, who lives where, their contacts and history; the caller lookup.
 */
@ApplicationModule(displayName = "Records")
package org.propertydesk.records;

import org.springframework.modulith.ApplicationModule;
