package org.propertydesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links that keep the current filters: a pager or a sort header changes one parameter and keeps the others.
 * Every page's model has one as {@code links}: {@code th:href="${links.with('page', 2)}"}. (Thymeleaf forbids bean
 * references in {@code th:href}, so it is a model attribute rather than a bean.)
 */
public final class Urls {

    private final HttpServletRequest request;

    Urls(HttpServletRequest request) {
        this.request = request;
    }

    public String with(String name, Object value) {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromRequest(request);
        if (!"page".equals(name)) {
            builder.replaceQueryParam("page");
        }
        UriComponents uri = builder.replaceQueryParam(name, value).build();
        String query = uri.getQuery();
        return uri.getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    @ControllerAdvice
    static class Advice {

        @ModelAttribute("links")
        Urls links(HttpServletRequest request) {
            return new Urls(request);
        }
    }
}
