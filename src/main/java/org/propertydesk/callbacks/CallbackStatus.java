package org.propertydesk.callbacks;

/** Due until someone reaches the owner (done), gives up after too many failed attempts (unreachable), or the request moves on without it (cancelled). */
public enum CallbackStatus {
    DUE, DONE, UNREACHABLE, CANCELLED
}
