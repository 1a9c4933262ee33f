package org.propertydesk.requests;

/**
 * How a request reached us. The owner portal and a QR code's report form are self-service: nobody at the front desk
 * took the request, so it has no handler until someone acknowledges it.
 */
public enum Channel {
    PHONE, WALK_IN, PORTAL, EMAIL, WECHAT, PATROL, QR_CODE;

    public boolean isSelfService() {
        return this == PORTAL || this == QR_CODE;
    }
}
