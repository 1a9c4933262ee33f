package org.propertydesk.records;

/**
 * How a contact with a customer happened.
 */
public enum CommunicationChannel {
    CALL, VISIT, MESSAGE, EMAIL, WECHAT
}
