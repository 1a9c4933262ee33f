package org.propertydesk.records;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words files use for enum values and yes/no. A file says "业主", "Owner" or "OWNER", whatever language the
 * person importing it reads; exports write the reader's language, which imports read back.
 */
@Component
class ImportLabels {

    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    // Exports write imports.value.yes / imports.value.no (是/否, Yes/No), which are among these.
    private static final List<String> YES = List.of("是", "yes", "y", "true", "1", "√", "✓");
    private static final List<String> NO = List.of("否", "no", "n", "false", "0", "×", "✗");

    private final MessageSource messages;
    private final Map<Class<?>, Map<String, Enum<?>>> accepted = new ConcurrentHashMap<>();

    ImportLabels(MessageSource messages) {
        this.messages = messages;
    }

    <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        Enum<?> value = accepted.computeIfAbsent(type, this::acceptedWords).get(normalise(text));
        return Optional.ofNullable(value).map(type::cast);
    }

    String label(Enum<?> value, Locale locale) {
        return messages.getMessage(key(value), null, value.name(), locale);
    }

    /** The values a column takes, as the page and problem messages list them: "住宅 (RESIDENTIAL), 办公 (OFFICE)". */
    String choices(Class<? extends Enum<?>> type, Locale locale) {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> label(value, locale) + " (" + value.name() + ")")
                .collect(Collectors.joining(", "));
    }

    Optional<Boolean> parseYesNo(String text) {
        String word = normalise(text);
        if (YES.contains(word)) {
            return Optional.of(true);
        }
        if (NO.contains(word)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    String yesNo(boolean value, Locale locale) {
        return messages.getMessage(value ? "imports.value.yes" : "imports.value.no", null, locale);
    }

    private Map<String, Enum<?>> acceptedWords(Class<?> type) {
        Map<String, Enum<?>> words = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            Enum<?> value = (Enum<?>) constant;
            words.put(normalise(value.name()), value);
            for (Locale language : LANGUAGES) {
                words.putIfAbsent(normalise(label(value, language)), value);
            }
        }
        return Map.copyOf(words);
    }

    /** The key the records pages show the value with ("houseUse.SHOP"), so files use the words staff see on screen. */
    private static String key(Enum<?> value) {
        String type = value.getDeclaringClass().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + value.name();
    }

    /** "co-owner", "Co owner" and "CO_OWNER" are one word. */
    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("[\\s_\\-]+", "").toLowerCase(Locale.ROOT);
    }
}
