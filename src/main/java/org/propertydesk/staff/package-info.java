/**
 * Staff accounts: who may log in, with which roles, serving which sites.
 */
@ApplicationModule(displayName = "Staff")
package org.propertydesk.staff;

import org.springframework.modulith.ApplicationModule;
