package org.propertydesk.affairs;

/**
 * How a parking space is held: bought with the house, leased for a period, or kept free for visitors.
 */
enum ParkingSpaceType {
    OWNED, LEASED, VISITOR
}
