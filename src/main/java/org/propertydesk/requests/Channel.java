package org.propertydesk.requests;

/**
 * How a request reached us.
 */
public enum Channel {
    PHONE, WALK_IN, PORTAL, EMAIL, WECHAT, PATROL
}
