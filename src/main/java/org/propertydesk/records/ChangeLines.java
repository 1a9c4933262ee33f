package org.propertydesk.records;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * A customer's change history as the reader sees it: enum values were stored as message keys
 * ({@code occupancyRole.OWNER}) and are translated here.
 */
final class ChangeLines {

    private static final Pattern TOKEN = Pattern.compile("\\b([a-z][a-zA-Z]+\\.[A-Z][A-Z_]+)\\b");

    private ChangeLines() {
    }

    record Line(CustomerChange change, String before, String after) {
    }

    static List<Line> of(List<CustomerChange> changes, MessageSource messages, Locale locale) {
        return changes.stream()
                .map(c -> new Line(c, translate(c.getOldValue(), messages, locale), translate(c.getNewValue(), messages, locale)))
                .toList();
    }

    static String translate(String value, MessageSource messages, Locale locale) {
        if (value == null) {
            return null;
        }
        Matcher matcher = TOKEN.matcher(value);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(messages.getMessage(matcher.group(1), null, matcher.group(1), locale)));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
