package org.propertydesk.affairs;

/**
 * Why a pass may be used: an owner asked for it, an owner consented to an occupant's pass, or the front desk approved
 * it with a reason (the owner could not be reached, say).
 */
public enum ReleasePassApproval {
    OWNER_REQUEST, OWNER_CONSENT, DESK_APPROVAL
}
