package org.propertydesk.affairs;

/**
 * Where a decoration deposit stands: held during the work, then at acceptance refunded in full or partly deducted
 * with a reason.
 */
enum DecorationDepositState {
    HELD, REFUNDED, DEDUCTED
}
