package org.propertydesk.callbacks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.BusinessRuleException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Callback settings: the company default, and sites that sample repairs, time or try differently. */
@Controller
@RequestMapping("/callbacks/settings")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
class CallbackSettingsController {

    private final CallbackSettings settings;
    private final SiteDirectory sites;

    CallbackSettingsController(CallbackSettings settings, SiteDirectory sites) {
        this.settings = settings;
        this.sites = sites;
    }

    @GetMapping
    String page(Model model) {
        CallbackSetting defaults = settings.defaults();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CallbackSettingForm.of(defaults));
        }
        List<SiteSummary> visible = sites.visibleIn(CurrentUser.siteScope());
        List<CallbackSetting> overrides = settings.overrides();
        Set<Long> overridden = overrides.stream().map(CallbackSetting::getSiteId).collect(Collectors.toSet());
        model.addAttribute("defaults", defaults);
        model.addAttribute("overrides", overrides);
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("mayChangeDefault", CallbackSettings.mayChangeDefault());
        model.addAttribute("canAdd", visible.stream().anyMatch(s -> !overridden.contains(s.id())));
        return "callbacks/settings";
    }

    @PostMapping
    String saveDefault(@Valid @ModelAttribute("form") CallbackSettingForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model);
        }
        settings.saveDefault(form);
        Flash.success(redirect, "callbackSetting.saved");
        return "redirect:/callbacks/settings";
    }

    @GetMapping("/sites/new")
    String newOverride(Model model) {
        CallbackSettingForm form = CallbackSettingForm.of(settings.defaults());
        form.setVersion(null);
        form.setSiteId(null);
        model.addAttribute("form", form);
        return overridePage(null, model);
    }

    @PostMapping("/sites")
    String addOverride(@Valid @ModelAttribute("form") CallbackSettingForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                settings.addOverride(form);
                Flash.success(redirect, "callbackSetting.saved");
                return "redirect:/callbacks/settings";
            } catch (BusinessRuleException refused) {
                // the site was not chosen, is not the user's, or has an override already: said at the site field
                binding.rejectValue("siteId", refused.messageKey());
            }
        }
        return overridePage(null, model);
    }

    @GetMapping("/sites/{siteId}")
    String editOverride(@PathVariable long siteId, Model model) {
        CallbackSetting setting = settings.override(siteId);
        model.addAttribute("form", CallbackSettingForm.of(setting));
        return overridePage(setting, model);
    }

    @PostMapping("/sites/{siteId}")
    String updateOverride(@PathVariable long siteId, @Valid @ModelAttribute("form") CallbackSettingForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        CallbackSetting setting = settings.override(siteId);
        form.setSiteId(siteId);
        if (binding.hasErrors()) {
            return overridePage(setting, model);
        }
        settings.updateOverride(siteId, form);
        Flash.success(redirect, "callbackSetting.saved");
        return "redirect:/callbacks/settings";
    }

    @PostMapping("/sites/{siteId}/delete")
    String removeOverride(@PathVariable long siteId, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        settings.removeOverride(siteId, version);
        Flash.success(redirect, "callbackSetting.removed");
        return "redirect:/callbacks/settings";
    }

    /** A site's override: new (choose among the user's sites without one) or existing (its site is fixed). */
    private String overridePage(CallbackSetting setting, Model model) {
        Set<Long> overridden = settings.overrides().stream().map(CallbackSetting::getSiteId).collect(Collectors.toSet());
        model.addAttribute("setting", setting);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()).stream()
                .filter(s -> !overridden.contains(s.id())).toList());
        model.addAttribute("siteNames", siteNames());
        return "callbacks/setting";
    }

    private Map<Long, String> siteNames() {
        return sites.visibleIn(CurrentUser.siteScope()).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
    }
}
