package org.propertydesk.portal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
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
 * Managers' notices to the owners of their sites: the list with each notice's state, publishing, changing until
 * withdrawn, withdrawing, and for an urgent notice which households have read it.
 */
@Controller
@RequestMapping("/notices")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
class NoticeController {

    private final NoticeService notices;
    private final SiteDirectory sites;
    private final Dates dates;

    NoticeController(NoticeService notices, SiteDirectory sites, Dates dates) {
        this.notices = notices;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var result = notices.list(page);
        model.addAttribute("notices", result.getContent());
        model.addAttribute("pages", PageLinks.of(result));
        return "notices/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        LocalDateTime now = LocalDateTime.ofInstant(dates.now(), dates.zone()).truncatedTo(ChronoUnit.MINUTES);
        model.addAttribute("form", NoticeForm.startingAt(now));
        return formPage(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NoticeForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Notice notice = notices.publish(form);
                Flash.success(redirect, "notice.published");
                return "redirect:/notices/" + notice.getId();
            } catch (FieldRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey());
            }
        }
        return formPage(model, null);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Notice notice = notices.get(id);
        model.addAttribute("notice", notice);
        model.addAttribute("status", notice.statusAt(dates.now()));
        model.addAttribute("siteNames", siteNames(notice));
        return "notices/notice";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Notice notice = notices.get(id);
        if (notice.isWithdrawn()) {
            Flash.error(redirect, "notice.error.withdrawn");
            return "redirect:/notices/" + id;
        }
        model.addAttribute("form", NoticeForm.of(notice, dates.zone()));
        return formPage(model, notice);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") NoticeForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Notice notice = notices.get(id);
        if (!binding.hasErrors()) {
            try {
                notices.edit(id, form);
                Flash.success(redirect, "notice.saved");
                return "redirect:/notices/" + id;
            } catch (FieldRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey());
            } catch (BusinessRuleException refused) {
                Flash.error(redirect, refused.messageKey());
                return "redirect:/notices/" + id;
            }
        }
        return formPage(model, notice);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        try {
            notices.withdraw(id);
            Flash.success(redirect, "notice.withdrawn");
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/notices/" + id;
    }

    @GetMapping("/{id}/reads")
    String reads(@PathVariable long id, @RequestParam(defaultValue = "ALL") NoticeService.ReadFilter show,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var receipts = notices.readers(id, show, page);
        model.addAttribute("receipts", receipts);
        model.addAttribute("notice", receipts.notice());
        model.addAttribute("show", show);
        model.addAttribute("filters", NoticeService.ReadFilter.values());
        model.addAttribute("pages", PageLinks.of(receipts.households()));
        return "notices/reads";
    }

    private String formPage(Model model, Notice notice) {
        model.addAttribute("notice", notice);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        return "notices/form";
    }

    /** The names of the notice's sites the person serves. */
    private List<String> siteNames(Notice notice) {
        return sites.visibleIn(CurrentUser.siteScope()).stream().filter(s -> notice.getSiteIds().contains(s.id()))
                .map(SiteSummary::name).toList();
    }
}
