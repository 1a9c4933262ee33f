package org.propertydesk.records;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.propertydesk.shared.web.Sorting;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/records")
@PreAuthorize(RecordsAccess.READERS)
class CustomerController {

    static final Map<String, String> SORTS = Map.of("name", "name", "created", "createdAt", "tier", "valueTier");

    private final CustomerService customers;
    private final HouseService houses;
    private final SiteDirectory siteDirectory;
    private final List<CustomerPageSection> sections;
    private final Dates dates;
    private final MessageSource messages;

    CustomerController(CustomerService customers, HouseService houses, SiteDirectory siteDirectory,
            List<CustomerPageSection> sections, Dates dates, MessageSource messages) {
        this.messages = messages;
        this.customers = customers;
        this.houses = houses;
        this.siteDirectory = siteDirectory;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CustomerPageSection::order)).toList();
        this.dates = dates;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("sites", siteDirectory.visibleIn(RecordsAccess.scope()));
        model.addAttribute("customerTypes", CustomerType.values());
        model.addAttribute("valueTiers", ValueTier.values());
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("careFlagValues", CareFlag.values());
        model.addAttribute("occupancyRoles", OccupancyRole.values());
        model.addAttribute("channels", CommunicationChannel.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("fullIdNumbers", RecordsAccess.maySeeFullIdNumbers());
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) Long siteId, @RequestParam(required = false) CustomerType type,
            @RequestParam(required = false) String name, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Sort order = Sorting.of(sort, SORTS, Sort.by("name", "id"));
        Page<CustomerService.CustomerRow> result = customers.search(new CustomerService.CustomerFilter(siteId, type, name),
                RecordsAccess.scope(), PageRequest.of(Math.max(page, 0), 50, order));
        model.addAttribute("customerPage", result);
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("siteId", siteId);
        model.addAttribute("type", type);
        model.addAttribute("name", name);
        model.addAttribute("sort", Sorting.echo(sort, SORTS));
        return "records/customers";
    }

    @GetMapping("/customers/new")
    @PreAuthorize(RecordsAccess.EDITORS)
    String newForm(@RequestParam(required = false) Long houseId, @RequestParam(required = false) String phone, Model model) {
        CustomerForm form = new CustomerForm();
        if (houseId != null) {
            House house = houses.get(houseId);
            form.setHouseId(houseId);
            form.setSiteId(house.getSite().getId());
            model.addAttribute("house", house);
        }
        if (phone != null && PhoneNumbers.isValid(phone)) {
            form.setPhones(List.of(PhoneNumbers.normalise(phone)));
        }
        model.addAttribute("form", form.withPhoneSlots());
        return "records/customer-form";
    }

    @PostMapping("/customers")
    @PreAuthorize(RecordsAccess.EDITORS)
    String create(@Valid @ModelAttribute("form") CustomerForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        validate(form, binding);
        if (binding.hasErrors()) {
            if (form.getHouseId() != null) {
                model.addAttribute("house", houses.get(form.getHouseId()));
            }
            form.withPhoneSlots();
            return "records/customer-form";
        }
        Customer customer = customers.create(form);
        Flash.success(redirect, "customer.created", customer.getName());
        return "redirect:/records/customers/" + customer.getId();
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        CustomerService.Customer360 view = customers.view(id, page);
        model.addAttribute("view", view);
        model.addAttribute("customer", view.customer());
        model.addAttribute("commPages", PageLinks.of(view.communications()));
        model.addAttribute("changeLines", ChangeLines.of(view.changes().getContent(), messages, locale));
        model.addAttribute("sections", sections.stream()
                .map(section -> Map.of("title", section.titleKey(), "url", section.url(id))).toList());
        model.addAttribute("today", dates.today());
        if (!model.containsAttribute("occupancyForm")) {
            OccupancyForm occupancyForm = new OccupancyForm();
            occupancyForm.setSiteId(view.customer().getSite().getId());
            occupancyForm.setStartDate(dates.today());
            model.addAttribute("occupancyForm", occupancyForm);
        }
        if (!model.containsAttribute("communicationForm")) {
            model.addAttribute("communicationForm", new CommunicationForm());
        }
        return "records/customer";
    }

    @GetMapping("/customers/{id}/edit")
    @PreAuthorize(RecordsAccess.EDITORS)
    String editForm(@PathVariable long id, Model model) {
        Customer customer = customers.get(id);
        model.addAttribute("customer", customer);
        CustomerForm form = CustomerForm.of(customer).withPhoneSlots();
        if (!RecordsAccess.maySeeFullIdNumbers()) {
            form.setIdNumber(null);
        }
        model.addAttribute("form", form);
        return "records/customer-form";
    }

    @PostMapping("/customers/{id}")
    @PreAuthorize(RecordsAccess.EDITORS)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CustomerForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(id);
        form.setHouseId(null);
        validate(form, binding);
        if (binding.hasErrors()) {
            model.addAttribute("customer", customer);
            form.withPhoneSlots();
            return "records/customer-form";
        }
        customers.update(id, form);
        Flash.success(redirect, "customer.updated", form.getName());
        return "redirect:/records/customers/" + id;
    }

    @PostMapping("/customers/{id}/occupancies")
    @PreAuthorize(RecordsAccess.EDITORS)
    String addOccupancy(@PathVariable long id, @Valid @ModelAttribute("occupancyForm") OccupancyForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("houseCode") && HouseCode.parse(form.getHouseCode()).isEmpty()) {
            binding.rejectValue("houseCode", "occupancy.error.houseNotation");
        } else if (!binding.hasErrors() && !houses.exists(form.getSiteId(), form.getHouseCode())) {
            binding.rejectValue("houseCode", "occupancy.error.houseNotFound", new Object[] {form.getHouseCode()}, null);
        }
        if (binding.hasErrors()) {
            model.addAttribute("openPanel", "occupancy");
            return show(id, 0, model, locale);
        }
        customers.addOccupancy(id, form);
        Flash.success(redirect, "occupancy.added");
        return "redirect:/records/customers/" + id;
    }

    @PostMapping("/occupancies/{id}/move-out")
    @PreAuthorize(RecordsAccess.EDITORS)
    String moveOut(@PathVariable long id, @RequestParam long customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            RedirectAttributes redirect) {
        customers.moveOut(id, endDate == null ? dates.today() : endDate);
        Flash.success(redirect, "occupancy.ended");
        return "redirect:/records/customers/" + customerId;
    }

    @PostMapping("/occupancies/{id}/primary")
    @PreAuthorize(RecordsAccess.EDITORS)
    String makePrimary(@PathVariable long id, @RequestParam long customerId, RedirectAttributes redirect) {
        customers.makePrimaryContact(id);
        Flash.success(redirect, "occupancy.primarySet");
        return "redirect:/records/customers/" + customerId;
    }

    @PostMapping("/customers/{id}/communications")
    @PreAuthorize(RecordsAccess.EDITORS)
    String addCommunication(@PathVariable long id, @Valid @ModelAttribute("communicationForm") CommunicationForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("openPanel", "communication");
            return show(id, 0, model, locale);
        }
        customers.addCommunication(id, form);
        Flash.success(redirect, "communication.added");
        return "redirect:/records/customers/" + id;
    }

    private static void validate(CustomerForm form, BindingResult binding) {
        List<String> phones = form.getPhones();
        for (int i = 0; i < phones.size(); i++) {
            String phone = phones.get(i);
            if (phone != null && !phone.isBlank() && !PhoneNumbers.isValid(phone)) {
                binding.rejectValue("phones[" + i + "]", "customer.phone.invalid");
            }
        }
        if (form.enteredPhones().isEmpty()) {
            binding.rejectValue("phones[0]", "customer.phone.required");
        }
        if (form.enteredPhones().size() > CustomerForm.MAX_PHONES) {
            binding.rejectValue("phones", "customer.phone.tooMany", new Object[] {CustomerForm.MAX_PHONES}, null);
        }
        if (form.getSiteId() != null && !RecordsAccess.scope().includes(form.getSiteId())) {
            binding.rejectValue("siteId", "house.error.siteNotYours");
        }
    }
}
