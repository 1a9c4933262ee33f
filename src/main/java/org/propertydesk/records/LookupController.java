package org.propertydesk.records;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caller lookup page. As the agent types, htmx asks for the results fragment only.
 */
@Controller
@PreAuthorize(RecordsAccess.READERS)
class LookupController {

    private final CallerLookup lookup;

    LookupController(CallerLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/records/lookup")
    String lookup(@RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("result", lookup.find(q, RecordsAccess.scope()));
        model.addAttribute("fullIdNumbers", RecordsAccess.maySeeFullIdNumbers());
        return htmx != null ? "records/lookup :: results" : "records/lookup";
    }
}
