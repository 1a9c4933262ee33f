/**
 * Public affairs (公共事务) as the front desk runs them: move-in handovers, decoration registrations with their
 * inspections and deposits, release passes checked at the gate, parking spaces, and fees and arrears as imported from
 * the finance system.
 */
@ApplicationModule(displayName = "Public affairs")
package org.propertydesk.affairs;

import org.springframework.modulith.ApplicationModule;
