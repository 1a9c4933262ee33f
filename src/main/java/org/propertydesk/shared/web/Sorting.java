package org.propertydesk.shared.web;

import java.util.Map;

import org.springframework.data.domain.Sort;

/**
 * Turns a {@code sort=field} or {@code sort=field,desc} request parameter into a {@link Sort}, accepting only the
 * fields a list offers: anything else falls back to the default, so a crafted parameter never reaches the query.
 */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param allowed the parameter names a list offers, each mapped to the property it sorts by
     */
    public static Sort of(String parameter, Map<String, String> allowed, Sort fallback) {
        if (parameter == null || parameter.isBlank()) {
            return fallback;
        }
        String[] parts = parameter.split(",", 2);
        String property = allowed.get(parts[0].trim());
        if (property == null) {
            return fallback;
        }
        boolean descending = parts.length == 2 && "desc".equalsIgnoreCase(parts[1].trim());
        Sort sort = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, property);
        return sort.and(fallback);
    }

    /** The parameter value to echo back to the page, or the empty string when it was not accepted. */
    public static String echo(String parameter, Map<String, String> allowed) {
        if (parameter == null) {
            return "";
        }
        String field = parameter.split(",", 2)[0].trim();
        return allowed.containsKey(field) ? parameter.trim() : "";
    }
}
