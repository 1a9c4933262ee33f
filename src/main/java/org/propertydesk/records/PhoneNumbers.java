package org.propertydesk.records;

/**
 * Phone numbers are kept as digits only, so that "138 0013 8000", "+86 13800138000" and "138-0013-8000" are one number
 * and any fragment of it finds the customer.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86") && digits.charAt(2) == '1') {
            return digits.substring(2);
        }
        if (digits.length() == 15 && digits.startsWith("0086") && digits.charAt(4) == '1') {
            return digits.substring(4);
        }
        return digits;
    }

    /** A number is plausible when it has between 5 (short internal numbers) and 15 digits (E.164). */
    public static boolean isValid(String raw) {
        if (raw == null || !raw.matches("[0-9+()\\-\\s]*")) {
            return false;
        }
        int length = normalise(raw).length();
        return length >= 5 && length <= 15;
    }

    /**
     * Grouped as people read numbers out: mobiles 3-4-4, landlines with their area code (3 digits for 010 and 02x,
     * else 4) apart; anything else as stored.
     */
    public static String display(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() == 11 && number.startsWith("1")) {
            return number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
        }
        if (number.startsWith("0") && number.length() >= 10 && number.length() <= 12) {
            int area = number.startsWith("010") || number.startsWith("02") ? 3 : 4;
            return number.substring(0, area) + "-" + number.substring(area);
        }
        return number;
    }
}
