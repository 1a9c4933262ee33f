package org.propertydesk.affairs;

/**
 * The papers the front desk checks before handing a house over.
 */
enum MoveInDocument {
    ID_CARD, PURCHASE_CONTRACT, LEASE_CONTRACT, HANDOVER_NOTICE, FEE_RECEIPT
}
