package org.propertydesk.records;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.propertydesk.shared.web.Sorting;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/records/houses")
@PreAuthorize(RecordsAccess.READERS)
class HouseController {

    static final Map<String, String> SORTS = Map.of("code", "code", "floor", "floor", "area", "area", "status", "status",
            "site", "site.code");

    private final HouseService houses;
    private final SiteDirectory siteDirectory;
    private final SiteService sites;
    private final Dates dates;
    private final SmartValidator validator;
    private final List<HousePageSection> sections;

    HouseController(HouseService houses, SiteDirectory siteDirectory, SiteService sites, Dates dates,
            SmartValidator validator, List<HousePageSection> sections) {
        this.sections = sections;
        this.validator = validator;
        this.houses = houses;
        this.siteDirectory = siteDirectory;
        this.sites = sites;
        this.dates = dates;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("sites", siteDirectory.visibleIn(RecordsAccess.scope()));
        model.addAttribute("houseUses", HouseUse.values());
        model.addAttribute("houseStatuses", HouseStatus.values());
        model.addAttribute("historyKinds", HistoryKind.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) Long siteId, @RequestParam(required = false) Long buildingId,
            @RequestParam(required = false) HouseStatus status, @RequestParam(required = false) String code,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        Sort order = Sorting.of(sort, SORTS, Sort.by("site.code", "code"));
        Page<House> result = houses.search(new HouseService.HouseFilter(siteId, buildingId, status, code),
                RecordsAccess.scope(), PageRequest.of(Math.max(page, 0), 50, order));
        model.addAttribute("housePage", result);
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("buildings", sites.buildingsOf(RecordsAccess.scope()));
        model.addAttribute("siteId", siteId);
        model.addAttribute("buildingId", buildingId);
        model.addAttribute("status", status);
        model.addAttribute("code", code);
        model.addAttribute("sort", Sorting.echo(sort, SORTS));
        return "records/houses";
    }

    @GetMapping("/new")
    @PreAuthorize(RecordsAccess.EDITORS)
    String newForm(@RequestParam(required = false) Long siteId, Model model) {
        HouseForm form = new HouseForm();
        form.setSiteId(siteId);
        model.addAttribute("form", form);
        return "records/house-form";
    }

    @PostMapping
    @PreAuthorize(RecordsAccess.EDITORS)
    String create(@Valid @ModelAttribute("form") HouseForm form, BindingResult binding, RedirectAttributes redirect) {
        if (form.getSiteId() != null && !RecordsAccess.scope().includes(form.getSiteId())) {
            binding.rejectValue("siteId", "house.error.siteNotYours");
        }
        if (!binding.hasErrors() && houses.codeTaken(form, null)) {
            binding.rejectValue("roomNo", "house.error.codeTaken", new Object[] {form.code().toString()}, null);
        }
        if (binding.hasErrors()) {
            return "records/house-form";
        }
        House house = houses.create(form);
        Flash.success(redirect, "house.created", house.getCode());
        return "redirect:/records/houses/" + house.getId();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        House house = houses.get(id);
        model.addAttribute("house", house);
        model.addAttribute("occupancies", houses.occupancies(id));
        model.addAttribute("history", houses.history(id));
        model.addAttribute("underWarranty", house.isUnderWarranty(dates.today()));
        model.addAttribute("sections", sections.stream()
                .map(section -> Map.of("title", section.titleKey(), "url", section.url(id))).toList());
        if (!model.containsAttribute("historyForm")) {
            HistoryForm historyForm = new HistoryForm();
            historyForm.setEntryDate(dates.today());
            model.addAttribute("historyForm", historyForm);
        }
        return "records/house";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(RecordsAccess.EDITORS)
    String editForm(@PathVariable long id, Model model) {
        House house = houses.get(id);
        model.addAttribute("house", house);
        model.addAttribute("form", HouseForm.of(house));
        return "records/house-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize(RecordsAccess.EDITORS)
    String update(@PathVariable long id, @ModelAttribute("form") HouseForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        House house = houses.get(id);
        HouseForm where = HouseForm.of(house);
        form.setSiteId(where.getSiteId());
        form.setBuildingCode(where.getBuildingCode());
        form.setUnitCode(where.getUnitCode());
        form.setRoomNo(where.getRoomNo());
        validator.validate(form, binding);
        if (binding.hasErrors()) {
            model.addAttribute("house", house);
            return "records/house-form";
        }
        houses.update(id, form);
        Flash.success(redirect, "house.updated", house.getCode());
        return "redirect:/records/houses/" + id;
    }

    @PostMapping("/{id}/history")
    @PreAuthorize(RecordsAccess.EDITORS)
    String addHistory(@PathVariable long id, @Valid @ModelAttribute("historyForm") HistoryForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (form.getEntryDate() != null && form.getEntryDate().isAfter(dates.today())) {
            binding.rejectValue("entryDate", "PastOrPresent");
        }
        if (binding.hasErrors()) {
            return show(id, model);
        }
        houses.addHistory(id, form);
        Flash.success(redirect, "house.history.added");
        return "redirect:/records/houses/" + id;
    }
}
