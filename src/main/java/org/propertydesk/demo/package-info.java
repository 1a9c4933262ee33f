/**
 * A realistic demo data set for a fresh embedded database, so a new user can try every screen at once.
 */
@ApplicationModule(displayName = "Demo data")
package org.propertydesk.demo;

import org.springframework.modulith.ApplicationModule;
