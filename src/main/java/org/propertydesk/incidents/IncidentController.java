package org.propertydesk.incidents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.IncidentRequests;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.data.domain.Page;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The incident pages: the list, declaring one, the incident with its timeline and linked requests, updates and
 * resolution; and the pieces other pages load: the intake banner that links a caller in one click, and the request
 * page's section. Technicians (the emergency duty is told of each incident) may read them; the front desk,
 * dispatchers, managers and administrators work them.
 */
@Controller
@RequestMapping("/incidents")
@PreAuthorize(IncidentController.READERS)
class IncidentController {

    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";
    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER','TECHNICIAN')";

    private final IncidentService incidents;
    private final IncidentRequests requests;
    private final SiteDirectory sites;
    private final RecordsDirectory records;
    private final Dates dates;

    IncidentController(IncidentService incidents, IncidentRequests requests, SiteDirectory sites,
            RecordsDirectory records, Dates dates) {
        this.incidents = incidents;
        this.requests = requests;
        this.sites = sites;
        this.records = records;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long siteId, @RequestParam(required = false) IncidentStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Page<IncidentService.Row> result = incidents.list(new IncidentService.Filter(siteId, status), page);
        model.addAttribute("incidents", result.getContent());
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("siteId", siteId);
        model.addAttribute("status", status);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("canDeclare", worksIncidents());
        return "incidents/list";
    }

    @GetMapping("/new")
    @PreAuthorize(DESK)
    String newForm(@RequestParam(required = false) Long siteId, Model model) {
        IncidentForm form = new IncidentForm();
        List<SiteSummary> mine = sites.visibleIn(CurrentUser.siteScope());
        if (siteId != null && CurrentUser.siteScope().includes(siteId)) {
            form.setSiteId(siteId);
        } else if (mine.size() == 1) {
            form.setSiteId(mine.get(0).id());
        }
        model.addAttribute("form", form);
        return formPage(form, model);
    }

    /** The buildings of the chosen site, loaded into the form when the site changes. */
    @GetMapping("/buildings")
    @PreAuthorize(DESK)
    String buildings(@RequestParam(required = false) Long siteId, Model model) {
        IncidentForm form = new IncidentForm();
        form.setSiteId(siteId);
        model.addAttribute("form", form);
        model.addAttribute("buildings", siteId == null ? List.of() : incidents.buildings(siteId));
        return "incidents/form :: buildings";
    }

    @PostMapping
    @PreAuthorize(DESK)
    String declare(@Valid @ModelAttribute("form") IncidentForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (form.getSiteId() != null && !CurrentUser.siteScope().includes(form.getSiteId())) {
            binding.rejectValue("siteId", "incident.error.siteNotYours");
        }
        if (!binding.hasErrors()) {
            try {
                IncidentService.Declared declared = incidents.declare(form.declaration(dates.zone()));
                Flash.success(redirect, "incident.declared", declared.staffNotified());
                return "redirect:/incidents/" + declared.incident().getId();
            } catch (IncidentRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), null);
            }
        }
        return formPage(form, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("updateForm", new IncidentUpdateForm());
        model.addAttribute("resolveForm", new IncidentUpdateForm());
        return page(id, model, locale);
    }

    @PostMapping("/{id}/updates")
    @PreAuthorize(DESK)
    String update(@PathVariable long id, @Valid @ModelAttribute("updateForm") IncidentUpdateForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                incidents.update(id, form.getNote(), instant(form.getExpectedRestoreAt()));
                Flash.success(redirect, "incident.updatePosted");
                return "redirect:/incidents/" + id;
            } catch (IncidentRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), null);
            }
        }
        model.addAttribute("resolveForm", new IncidentUpdateForm());
        return page(id, model, locale);
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize(DESK)
    String resolve(@PathVariable long id, @Valid @ModelAttribute("resolveForm") IncidentUpdateForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                int resolved = incidents.resolve(id, form.getNote());
                Flash.success(redirect, "incident.resolvedFlash", resolved);
                return "redirect:/incidents/" + id;
            } catch (IncidentRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), null);
            }
        }
        model.addAttribute("updateForm", new IncidentUpdateForm());
        return page(id, model, locale);
    }

    /** Links an existing request, from the request page's section; back there with the outcome. */
    @PostMapping("/{id}/requests")
    @PreAuthorize(DESK)
    String linkRequest(@PathVariable long id, @RequestParam long requestId, RedirectAttributes redirect) {
        try {
            incidents.linkRequest(id, requestId);
            Flash.success(redirect, "incident.requestLinked");
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        }
        return "redirect:/requests/" + requestId;
    }

    /** The active incidents that concern the caller being taken in, loaded beside the intake form. */
    @GetMapping("/intake-banner")
    @PreAuthorize(DESK)
    String intakeBanner(@RequestParam(required = false) Long siteId, @RequestParam(required = false) Long houseId,
            @RequestParam(required = false) Long customerId, @RequestParam(required = false) String contactPhone,
            Model model) {
        model.addAttribute("active", incidents.activeFor(siteId, houseId));
        model.addAttribute("siteId", siteId);
        model.addAttribute("houseId", houseId);
        model.addAttribute("customerId", customerId);
        model.addAttribute("contactPhone", contactPhone);
        return "incidents/banner :: banner";
    }

    /**
     * One click at intake: the caller's call becomes a request linked to the incident, and the agent is told the time
     * to give the caller. A refusal goes back to intake for the same caller.
     */
    @PostMapping("/{id}/calls")
    @PreAuthorize(DESK)
    String linkCall(@PathVariable long id, @RequestParam(required = false) Long houseId,
            @RequestParam(required = false) Long customerId, @RequestParam(required = false) String contactPhone,
            RedirectAttributes redirect) {
        try {
            Incident incident = incidents.get(id);
            IncidentService.LinkedCall call = incidents.linkCall(id, new IncidentRequests.Call(incident.getSiteId(),
                    houseId, customerId, contactPhone, null, null));
            if (call.expectedRestoreAt() == null) {
                Flash.success(redirect, "incident.callLinkedNoTime", call.number());
            } else {
                Flash.success(redirect, "incident.callLinked", call.number(), dates.dateTime(call.expectedRestoreAt()));
            }
            return "redirect:/requests/" + call.requestId();
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
            UriComponentsBuilder back = UriComponentsBuilder.fromPath("/requests/new");
            if (customerId != null) {
                back.queryParam("customerId", customerId);
            }
            if (houseId != null) {
                back.queryParam("houseId", houseId);
            }
            return "redirect:" + back.toUriString();
        }
    }

    /** The request page's section: the incident the request is linked to, or the active ones it could be. */
    @GetMapping("/requests/{requestId}/section")
    @PreAuthorize(DESK)
    String requestSection(@PathVariable long requestId, Model model, Locale locale) {
        IncidentRequests.Linked request = requests.find(requestId);
        var linked = incidents.incidentOf(requestId);
        model.addAttribute("request", request);
        model.addAttribute("incident", linked.orElse(null));
        model.addAttribute("area", linked.map(i -> incidents.area(i, locale)).orElse(null));
        model.addAttribute("candidates", linked.isPresent() || !request.status().isOpen() ? List.of()
                : incidents.activeFor(request.siteId(), request.houseId()));
        return "incidents/section :: section";
    }

    private String page(long id, Model model, Locale locale) {
        Incident incident = incidents.get(id);
        List<IncidentRequests.Linked> linked = incidents.linkedRequests(id);
        Map<Long, String> houses = records.houses(linked.stream().map(IncidentRequests.Linked::houseId)
                .filter(h -> h != null).distinct().toList()).stream()
                .collect(Collectors.toMap(RecordsDirectory.HouseSummary::id, RecordsDirectory.HouseSummary::code));
        model.addAttribute("incident", incident);
        model.addAttribute("siteName", records.site(incident.getSiteId()).map(SiteSummary::name).orElse(""));
        model.addAttribute("area", incidents.area(incident, locale));
        model.addAttribute("linked", linked);
        model.addAttribute("openLinked", linked.stream().filter(r -> r.status().isOpen()).count());
        model.addAttribute("houses", houses);
        model.addAttribute("duration", incident.durationAt(dates.now()));
        model.addAttribute("canWork", worksIncidents());
        return "incidents/incident";
    }

    private String formPage(IncidentForm form, Model model) {
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("severities", IncidentSeverity.values());
        model.addAttribute("buildings", form.getSiteId() == null || !CurrentUser.siteScope().includes(form.getSiteId())
                ? List.of() : incidents.buildings(form.getSiteId()));
        return "incidents/form";
    }

    /** Technicians read incidents; everyone else who reaches these pages also works them. */
    private static boolean worksIncidents() {
        return CurrentUser.get().roles().stream().anyMatch(role -> role != Role.TECHNICIAN);
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(dates.zone()).toInstant();
    }
}
