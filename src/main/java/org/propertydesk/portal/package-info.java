/**
 * The owner portal (业主端): owners and tenants activate an account with a code from the front desk, then submit,
 * follow, confirm and rate requests for the houses they occupy, answer open surveys and read their sites' notices;
 * anyone can report a problem at a QR code's place without an account. An owner sees only their own households.
 */
@ApplicationModule(displayName = "Owner portal")
package org.propertydesk.portal;

import org.springframework.modulith.ApplicationModule;
