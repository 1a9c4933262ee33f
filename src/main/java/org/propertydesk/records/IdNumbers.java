package org.propertydesk.records;

/**
 * ID and licence numbers are personal data: most staff see only the last four characters.
 */
final class IdNumbers {

    private IdNumbers() {
    }

    static String mask(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "";
        }
        int visible = Math.min(4, idNumber.length());
        return "*".repeat(Math.max(4, idNumber.length() - visible)) + idNumber.substring(idNumber.length() - visible);
    }
}
