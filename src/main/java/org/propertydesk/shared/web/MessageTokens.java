package org.propertydesk.shared.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * Stored texts that name enum values as message keys ({@code request.kind.REPAIR → request.kind.COMPLAINT},
 * {@code occupancyRole.OWNER}) read in the reader's language: each such key is replaced by its message.
 */
public final class MessageTokens {

    private static final Pattern TOKEN = Pattern.compile("\\b([a-z][a-zA-Z]+(?:\\.[a-z][a-zA-Z]+)*\\.[A-Z][A-Z_]+)\\b");

    private MessageTokens() {
    }

    public static String translate(String text, MessageSource messages, Locale locale) {
        if (text == null) {
            return null;
        }
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            matcher.appendReplacement(result, Matcher.quoteReplacement(messages.getMessage(key, null, key, locale)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
