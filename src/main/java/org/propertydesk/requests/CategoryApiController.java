package org.propertydesk.requests;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.shared.api.ApiController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The category tree for pickers in API clients (PLUMBING › PLUMBING_BLOCKED_DRAIN …).
 */
@ApiController
@Tag(name = "Requests")
class CategoryApiController {

    private final RequestApiQueries queries;

    CategoryApiController(RequestApiQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/categories")
    @Operation(summary = "The active request categories as a tree",
            description = "Each with its code, names in Chinese and English (`name` in the language of Accept-Language), "
                    + "default priority, the skill a technician needs, and whether it is normally a paid special service.")
    List<RequestApiQueries.CategoryNode> categories() {
        return queries.categoryTree(LocaleContextHolder.getLocale());
    }
}
