package org.propertydesk.shared.web;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.data.domain.Page;

/**
 * The page numbers a pager shows around the current page, so the pager fragment needs no arithmetic.
 */
public record PageLinks(int current, int totalPages, long totalElements, List<Integer> window) {

    private static final int RADIUS = 3;

    public static PageLinks of(Page<?> page) {
        int current = page.getNumber();
        int total = page.getTotalPages();
        int from = Math.max(0, current - RADIUS);
        int to = Math.min(total - 1, current + RADIUS);
        List<Integer> window = to < from ? List.of() : IntStream.rangeClosed(from, to).boxed().toList();
        return new PageLinks(current, total, page.getTotalElements(), window);
    }

    public boolean hasPrevious() {
        return current > 0;
    }

    public boolean hasNext() {
        return current + 1 < totalPages;
    }
}
