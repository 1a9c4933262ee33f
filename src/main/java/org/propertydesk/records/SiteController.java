package org.propertydesk.records;

import jakarta.validation.Valid;

import org.propertydesk.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/records/sites")
@PreAuthorize(RecordsAccess.READERS)
class SiteController {

    private final SiteService sites;

    SiteController(SiteService sites) {
        this.sites = sites;
    }

    @ModelAttribute("propertyTypes")
    PropertyType[] propertyTypes() {
        return PropertyType.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sites", sites.overview(RecordsAccess.scope()));
        model.addAttribute("buildings", sites.buildingsOf(RecordsAccess.scope()));
        model.addAttribute("buildingForm", new BuildingForm());
        return "records/sites";
    }

    @GetMapping("/new")
    @PreAuthorize(RecordsAccess.SITE_EDITORS)
    String newForm(Model model) {
        model.addAttribute("form", new SiteForm());
        return "records/site-form";
    }

    @PostMapping
    @PreAuthorize(RecordsAccess.SITE_EDITORS)
    String create(@Valid @ModelAttribute("form") SiteForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("code") && sites.codeTaken(form.getCode())) {
            binding.rejectValue("code", "site.error.codeTaken");
        }
        if (binding.hasErrors()) {
            return "records/site-form";
        }
        Site site = sites.create(form);
        Flash.success(redirect, "site.created", site.getName());
        return "redirect:/records/sites";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(RecordsAccess.SITE_EDITORS)
    String editForm(@PathVariable long id, Model model) {
        Site site = sites.get(id);
        model.addAttribute("site", site);
        model.addAttribute("form", SiteForm.of(site));
        return "records/site-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize(RecordsAccess.SITE_EDITORS)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SiteForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Site site = sites.get(id);
        form.setCode(site.getCode());
        if (binding.hasErrors()) {
            model.addAttribute("site", site);
            return "records/site-form";
        }
        sites.update(id, form);
        Flash.success(redirect, "site.updated", form.getName());
        return "redirect:/records/sites";
    }

    @PostMapping("/{id}/buildings")
    @PreAuthorize(RecordsAccess.SITE_EDITORS)
    String addBuilding(@PathVariable long id, @Valid @ModelAttribute("buildingForm") BuildingForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("code") && sites.buildingCodeTaken(id, form.getCode())) {
            binding.rejectValue("code", "building.error.codeTaken");
        }
        if (binding.hasErrors()) {
            model.addAttribute("sites", sites.overview(RecordsAccess.scope()));
            model.addAttribute("buildings", sites.buildingsOf(RecordsAccess.scope()));
            model.addAttribute("buildingSiteId", id);
            return "records/sites";
        }
        Building building = sites.addBuilding(id, form);
        Flash.success(redirect, "building.created", building.getCode());
        return "redirect:/records/sites";
    }
}
