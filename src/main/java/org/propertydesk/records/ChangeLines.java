package org.propertydesk.records;

import java.util.List;
import java.util.Locale;

import org.propertydesk.shared.web.MessageTokens;
import org.springframework.context.MessageSource;

/**
 * A customer's change history as the reader sees it: enum values were stored as message keys
 * ({@code occupancyRole.OWNER}) and are translated here.
 */
final class ChangeLines {

    private ChangeLines() {
    }

    record Line(CustomerChange change, String before, String after) {
    }

    static List<Line> of(List<CustomerChange> changes, MessageSource messages, Locale locale) {
        return changes.stream()
                .map(c -> new Line(c, MessageTokens.translate(c.getOldValue(), messages, locale),
                        MessageTokens.translate(c.getNewValue(), messages, locale)))
                .toList();
    }
}
