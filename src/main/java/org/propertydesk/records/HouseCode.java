package org.propertydesk.records;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notation front desks use for a house: building-unit-room ({@code 3-2-1502}) or building-room ({@code 3-1502}).
 * Accepts the separators people type instead of a dash ({@code 3#2-1502}, {@code 3/2/1502}, full-width dashes and
 * 栋/单元/室 written out).
 */
public record HouseCode(String building, String unit, String room) {

    private static final Pattern NOTATION = Pattern.compile(
            "^\\s*([0-9A-Za-z]{1,16})\\s*(?:[-#/\\s－—]|栋|号楼|幢)\\s*(?:([0-9A-Za-z]{1,16})\\s*(?:[-#/\\s－—]|单元)\\s*)?([0-9A-Za-z]{1,16})\\s*(?:室|号)?\\s*$");

    public static HouseCode of(String building, String unit, String room) {
        return new HouseCode(building, unit == null || unit.isBlank() ? null : unit, room);
    }

    public static Optional<HouseCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = NOTATION.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(of(matcher.group(1).toUpperCase(), upper(matcher.group(2)), matcher.group(3).toUpperCase()));
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase();
    }

    public boolean hasUnit() {
        return unit != null;
    }

    @Override
    public String toString() {
        return unit == null ? building + "-" + room : building + "-" + unit + "-" + room;
    }
}
