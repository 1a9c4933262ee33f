package org.propertydesk.shared.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list: {@code {"content":[…],"page":{"size","number","totalElements","totalPages"}}}, the shape
 * Spring Data's own paged JSON has, so that clients can use the same code for every list.
 */
public record ApiPage<T>(List<T> content, PageInfo page) {

    public record PageInfo(int size, int number, long totalElements, int totalPages) {
    }

    public static <E, T> ApiPage<T> of(Page<E> page, Function<E, T> mapping) {
        return new ApiPage<>(page.getContent().stream().map(mapping).toList(),
                new PageInfo(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
    }
}
