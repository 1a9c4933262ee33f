/**
 * What every module stands on: layout and web plumbing, security, auditing, time and the embedded database.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package org.propertydesk.shared;

import org.springframework.modulith.ApplicationModule;
