package org.propertydesk.requests;

import java.util.Locale;
import java.util.stream.Collectors;

import org.propertydesk.records.CustomerPageSection;
import org.propertydesk.records.HousePageSection;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Fills the customer 360 page's requests slot with the customer's latest requests, and the house page's with the
 * house's (its repair history).
 */
@Component
class CustomerRequestsSection implements CustomerPageSection {

    @Component
    static class OfHouse implements HousePageSection {

        @Override
        public String titleKey() {
            return "request.houseRequests";
        }

        @Override
        public String url(long houseId) {
            return "/requests/house/" + houseId;
        }
    }

    @Override
    public String titleKey() {
        return "request.customerRequests";
    }

    @Override
    public String url(long customerId) {
        return "/requests/customer/" + customerId;
    }

    @Override
    public int order() {
        return 10;
    }

    @Controller
    @PreAuthorize(RequestController.STAFF)
    static class Fragment {

        private final ServiceRequestRepository requests;
        private final RecordsDirectory records;
        private final RequestCategoryRepository categories;
        private final Dates dates;

        Fragment(ServiceRequestRepository requests, RecordsDirectory records, RequestCategoryRepository categories,
                Dates dates) {
            this.requests = requests;
            this.records = records;
            this.categories = categories;
            this.dates = dates;
        }

        @GetMapping("/requests/customer/{customerId}")
        String customerRequests(@PathVariable long customerId, Model model, Locale locale) {
            records.customer(customerId, CurrentUser.siteScope()).orElseThrow(() -> new NotFoundException("Customer", customerId));
            model.addAttribute("customerId", customerId);
            model.addAttribute("requests", requests.findLatestForCustomer(customerId).stream()
                    .filter(r -> CurrentUser.siteScope().includes(r.getSiteId())).toList());
            model.addAttribute("categoryNames", categories.findAllOrdered().stream()
                    .collect(Collectors.toMap(RequestCategory::getCode, c -> c.name(locale))));
            model.addAttribute("now", dates.now());
            return "requests/customer-requests";
        }

        @GetMapping("/requests/house/{houseId}")
        String houseRequests(@PathVariable long houseId, Model model, Locale locale) {
            records.house(houseId, CurrentUser.siteScope()).orElseThrow(() -> new NotFoundException("House", houseId));
            model.addAttribute("houseId", houseId);
            model.addAttribute("requests", requests.findLatestForHouse(houseId));
            model.addAttribute("categoryNames", categories.findAllOrdered().stream()
                    .collect(Collectors.toMap(RequestCategory::getCode, c -> c.name(locale))));
            model.addAttribute("now", dates.now());
            return "requests/customer-requests";
        }
    }
}
