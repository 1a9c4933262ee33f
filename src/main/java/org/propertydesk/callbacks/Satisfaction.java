package org.propertydesk.callbacks;

public enum Satisfaction {
    SATISFIED, NEUTRAL, UNSATISFIED
}
