package org.propertydesk.care;

import org.propertydesk.records.CustomerPageSection;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The customer 360 page shows the care contacts made with the customer, after their requests. */
@Component
class CareContactsSection implements CustomerPageSection {

    static final int LATEST = 10;

    @Override
    public String titleKey() {
        return "care.contact.section";
    }

    @Override
    public String url(long customerId) {
        return "/care/customers/" + customerId + "/contacts";
    }

    @Override
    public int order() {
        return 40;
    }

    @Controller
    @PreAuthorize(CareProgrammeController.STAFF)
    static class Fragment {

        private final CareTasks tasks;
        private final RecordsDirectory records;

        Fragment(CareTasks tasks, RecordsDirectory records) {
            this.tasks = tasks;
            this.records = records;
        }

        @GetMapping("/care/customers/{customerId}/contacts")
        String contacts(@PathVariable long customerId, Model model) {
            records.customer(customerId, CurrentUser.siteScope())
                    .orElseThrow(() -> new NotFoundException("Customer", customerId));
            model.addAttribute("contacts", tasks.ofCustomer(customerId, LATEST));
            return "care/programmes/customer-section";
        }
    }
}
