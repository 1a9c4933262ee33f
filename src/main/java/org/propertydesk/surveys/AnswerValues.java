package org.propertydesk.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What someone filled in on a questionnaire form, by field ({@code q12}), and what is wrong with it, so that the form
 * can be shown again as they left it with each message at its question.
 */
public final class AnswerValues {

    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    AnswerValues(Map<String, List<String>> values) {
        this.values = values;
    }

    static AnswerValues empty() {
        return new AnswerValues(Map.of());
    }

    public boolean has(String field, Object value) {
        return values.getOrDefault(field, List.of()).contains(String.valueOf(value));
    }

    public String text(String field) {
        List<String> list = values.getOrDefault(field, List.of());
        return list.isEmpty() ? "" : list.get(0);
    }

    List<String> all(String field) {
        return values.getOrDefault(field, List.of());
    }

    void flag(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** The message key of the field's error, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
