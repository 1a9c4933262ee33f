package org.propertydesk.care;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.CareFlag;
import org.propertydesk.records.Disposition;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.records.ValueTier;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

/**
 * Care programmes: the list with each one's coverage this round, a programme's households to contact, and for
 * managers defining programmes and adding a site's shipped ones.
 */
@Controller
@RequestMapping("/care/programmes")
@PreAuthorize(CareProgrammeController.STAFF)
class CareProgrammeController {

    /** Who contacts the households. */
    static final String STAFF = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    /** Who defines programmes. */
    static final String MANAGERS = "hasAnyRole('ADMIN','MANAGER')";

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 100_000;

    /** Refusals of the programme rules that belong next to one field. */
    private static final Map<String, String> FIELDS = Map.of("care.error.site", "siteId", "care.error.building",
            "buildingId", "care.error.period", "endsOn", "care.error.onceNeedsEnd", "endsOn");

    private final CareProgrammes programmes;
    private final CareTasks tasks;
    private final CareCoverage coverage;
    private final SiteDirectory sites;
    private final Dates dates;

    CareProgrammeController(CareProgrammes programmes, CareTasks tasks, CareCoverage coverage, SiteDirectory sites,
            Dates dates) {
        this.programmes = programmes;
        this.tasks = tasks;
        this.coverage = coverage;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long siteId, Model model) {
        LocalDate today = dates.today();
        List<CareProgramme> visible = programmes.visible(siteId);
        visible.forEach(tasks::refresh);
        model.addAttribute("programmes", visible);
        model.addAttribute("figures", coverage.ofRounds(visible, today));
        model.addAttribute("rounds", visible.stream().collect(Collectors.toMap(CareProgramme::getId, p -> p.roundOn(today))));
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("siteId", siteId);
        model.addAttribute("today", today);
        return "care/programmes/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String round,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        CareProgramme programme = programmes.get(id);
        tasks.refresh(programme);
        LocalDate today = dates.today();
        LocalDate shown = round(programme, round, today);
        CareTaskStatus only = status(status);
        Page<CareTasks.Row> rows = tasks.page(id, shown, only,
                PageRequest.of(Math.min(Math.max(page, 0), MAX_PAGE), PAGE_SIZE));
        model.addAttribute("programme", programme);
        model.addAttribute("siteName", siteNames().get(programme.getSiteId()));
        model.addAttribute("building", programme.getBuildingId() == null ? null : programmes.buildings().stream()
                .filter(b -> b.id() == programme.getBuildingId()).findFirst().orElse(null));
        model.addAttribute("round", shown);
        model.addAttribute("roundEnd", programme.roundEnd(shown));
        model.addAttribute("rounds", programme.roundsUpTo(today));
        model.addAttribute("open", programme.runsOn(today) && programme.roundOn(today).equals(shown));
        model.addAttribute("figures", coverage.ofRound(id, shown));
        model.addAttribute("rows", rows.getContent());
        model.addAttribute("pages", PageLinks.of(rows));
        model.addAttribute("status", only);
        model.addAttribute("statuses", CareTaskStatus.values());
        return "care/programmes/programme";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGERS)
    String newProgramme(@RequestParam(required = false) Long siteId, Model model) {
        CareProgrammeForm form = new CareProgrammeForm();
        form.setSiteId(siteId);
        form.setKind(CareProgrammeKind.CALL);
        form.setRepeat(CareProgrammeRepeat.MONTHLY);
        form.setStartsOn(dates.today());
        model.addAttribute("form", form);
        return formPage(null, model);
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    String create(@Valid @ModelAttribute("form") CareProgrammeForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                CareProgramme programme = programmes.create(form);
                Flash.success(redirect, "care.programme.saved");
                return "redirect:/care/programmes/" + programme.getId();
            } catch (BusinessRuleException refused) {
                reject(binding, refused);
            }
        }
        return formPage(null, model);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(MANAGERS)
    String edit(@PathVariable long id, Model model) {
        CareProgramme programme = programmes.get(id);
        model.addAttribute("form", CareProgrammeForm.of(programme));
        return formPage(programme, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize(MANAGERS)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CareProgrammeForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        CareProgramme programme = programmes.get(id);
        form.setSiteId(programme.getSiteId());
        if (!binding.hasErrors()) {
            try {
                programmes.update(id, form);
                Flash.success(redirect, "care.programme.saved");
                return "redirect:/care/programmes/" + id;
            } catch (BusinessRuleException refused) {
                reject(binding, refused);
            }
        }
        return formPage(programme, model);
    }

    @PostMapping("/defaults")
    @PreAuthorize(MANAGERS)
    String createDefaults(@RequestParam(required = false) Long siteId, RedirectAttributes redirect, Locale locale) {
        if (siteId == null) {
            Flash.error(redirect, "care.error.site");
            return "redirect:/care/programmes";
        }
        if (!CurrentUser.siteScope().includes(siteId)) {
            throw new NotFoundException("Site", siteId);
        }
        int added = programmes.createDefaults(siteId, locale);
        Flash.success(redirect, added == 0 ? "care.defaults.none" : "care.defaults.added", added);
        return "redirect:/care/programmes?siteId=" + siteId;
    }

    private String formPage(CareProgramme programme, Model model) {
        model.addAttribute("programme", programme);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("buildings", programmes.buildings());
        model.addAttribute("kinds", CareProgrammeKind.values());
        model.addAttribute("repeats", CareProgrammeRepeat.values());
        model.addAttribute("careFlags", CareFlag.values());
        model.addAttribute("valueTiers", ValueTier.values());
        model.addAttribute("dispositions", Disposition.values());
        return "care/programmes/form";
    }

    private static void reject(BindingResult binding, BusinessRuleException refused) {
        String field = FIELDS.get(refused.messageKey());
        if (field == null) {
            binding.reject(refused.messageKey(), refused.arguments(), null);
        } else {
            binding.rejectValue(field, refused.messageKey());
        }
    }

    /** The round asked for if it is one of the programme's so far, otherwise the one it shows today. */
    private static LocalDate round(CareProgramme programme, String asked, LocalDate today) {
        if (asked != null) {
            try {
                LocalDate round = LocalDate.parse(asked);
                if (programme.hasRound(round, today)) {
                    return round;
                }
            } catch (DateTimeParseException unreadable) {
                // an edited link shows the current round, as if no round had been asked for
            }
        }
        return programme.roundOn(today);
    }

    private static CareTaskStatus status(String asked) {
        return Arrays.stream(CareTaskStatus.values()).filter(s -> s.name().equals(asked)).findFirst().orElse(null);
    }

    private Map<Long, String> siteNames() {
        return sites.visibleIn(CurrentUser.siteScope()).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
    }
}
