package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phone numbers are stored as digits only, so however a number was typed, any fragment of it finds the customer.
 */
class PhoneNumbersTest {

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(delimiter = '|', value = {
            "13800138000         | 13800138000",
            "138 0013 8000       | 13800138000",
            "138-0013-8000       | 13800138000",
            "+86 138 0013 8000   | 13800138000",
            "86 13800138000      | 13800138000",
            "0086 138 0013 8000  | 13800138000",
            "(010) 6552 8888     | 01065528888",
            "021-5888 6666       | 02158886666",
            "0755-8888 6666      | 075588886666",
            "8001                | 8001"})
    void differentWaysOfTypingANumberAreOneNumber(String typed, String stored) {
        assertThat(PhoneNumbers.normalise(typed)).isEqualTo(stored);
    }

    @Test
    void theCountryCodeIsKeptWhenWhatFollowsIsNotAChineseMobile() {
        // 86 followed by a landline-like number: stripping would turn a foreign or odd number into a different one.
        assertThat(PhoneNumbers.normalise("+86 010 6552 888")).isEqualTo("860106552888");
    }

    @Test
    void nothingTypedIsNoNumber() {
        assertThat(PhoneNumbers.normalise(null)).isEmpty();
        assertThat(PhoneNumbers.normalise("  ")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is a plausible number")
    @ValueSource(strings = {"13800138000", "138 0013 8000", "+86 138-0013-8000", "(010) 6552 8888", "95588", "123456789012345"})
    void plausibleNumbersAreValid(String typed) {
        assertThat(PhoneNumbers.isValid(typed)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a phone number")
    @ValueSource(strings = {"", "1234", "1234567890123456", "138abc00138000", "138.0013.8000", "张三", "13800138000#"})
    void implausibleNumbersAreInvalid(String typed) {
        assertThat(PhoneNumbers.isValid(typed)).isFalse();
    }

    @Test
    void nullIsNotAValidNumber() {
        assertThat(PhoneNumbers.isValid(null)).isFalse();
    }

    @ParameterizedTest(name = "{0} reads as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "13800138000  | 138 0013 8000",
            "01065528888  | 010-65528888",
            "02158886666  | 021-58886666",
            "075588886666 | 0755-88886666",
            "95588        | 95588",
            "8001         | 8001"})
    void numbersAreGroupedTheWayPeopleReadThemOut(String stored, String shown) {
        assertThat(PhoneNumbers.display(stored)).isEqualTo(shown);
    }

    @Test
    void noNumberDisplaysAsNothing() {
        assertThat(PhoneNumbers.display(null)).isNull();
    }
}
