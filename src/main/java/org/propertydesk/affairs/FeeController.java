package org.propertydesk.affairs;

import java.util.List;

import jakarta.validation.Valid;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front desk's fee pages: the arrears list of a site with its ageing, one house's bills and the reminders made
 * about them, and the reminders themselves. Another site's house is "not found".
 */
@Controller
@PreAuthorize(FeeAccess.DESK)
class FeeController {

    private final ArrearsList arrears;
    private final FeeLedger ledger;
    private final FeeReminders reminders;
    private final RecordsDirectory records;
    private final SiteDirectory sites;

    FeeController(ArrearsList arrears, FeeLedger ledger, FeeReminders reminders, RecordsDirectory records,
            SiteDirectory sites) {
        this.arrears = arrears;
        this.ledger = ledger;
        this.reminders = reminders;
        this.records = records;
        this.sites = sites;
    }

    @GetMapping("/affairs/fees")
    String arrears(@RequestParam(required = false) Long siteId, @RequestParam(required = false) String bucket,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ArrearsList.Filter filter = filter(siteId, bucket);
        ArrearsList.Result result = arrears.find(FeeAccess.scope(), filter, page);
        model.addAttribute("result", result);
        model.addAttribute("pages", PageLinks.of(result.rows()));
        model.addAttribute("sites", sites.visibleIn(FeeAccess.scope()));
        model.addAttribute("siteId", filter.siteId() == 0 ? null : filter.siteId());
        model.addAttribute("bucket", filter.bucket());
        model.addAttribute("buckets", List.of(ArrearsBucket.values()));
        model.addAttribute("today", ledger.today());
        return "affairs/fees/arrears";
    }

    /** A reminder to every household the list shows (all its pages), which they find on their bills page in the portal. */
    @PostMapping("/affairs/fees/portal-reminders")
    String remindThroughPortal(@RequestParam(required = false) Long siteId, @RequestParam(required = false) String bucket,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        ArrearsList.Filter filter = filter(siteId, bucket);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > ReminderForm.MAX_NOTE) {
            Flash.error(redirect, "fee.portalReminder.tooLong", ReminderForm.MAX_NOTE);
        } else {
            int sent = arrears.remindThroughPortal(FeeAccess.scope(), filter, text, CurrentUser.username(),
                    CurrentUser.displayName());
            Flash.success(redirect, "fee.portalReminder.sent", sent);
        }
        redirect.addAttribute("siteId", filter.siteId() == 0 ? null : filter.siteId());
        redirect.addAttribute("bucket", filter.bucket());
        return "redirect:/affairs/fees";
    }

    @GetMapping("/affairs/fees/houses/{id}")
    String house(@PathVariable long id, Model model) {
        HouseSummary house = visibleHouse(id);
        if (!model.containsAttribute("reminderForm")) {
            model.addAttribute("reminderForm", new ReminderForm());
        }
        houseModel(house, model);
        return "affairs/fees/house";
    }

    @PostMapping("/affairs/fees/houses/{id}/reminders")
    String remind(@PathVariable long id, @Valid @ModelAttribute("reminderForm") ReminderForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        HouseSummary house = visibleHouse(id);
        if (errors.hasErrors()) {
            houseModel(house, model);
            return "affairs/fees/house";
        }
        reminders.record(house, form.getChannel(), form.getOutcome(), form.getNote());
        Flash.success(redirect, "fee.reminder.recorded");
        return "redirect:/affairs/fees/houses/" + id;
    }

    private void houseModel(HouseSummary house, Model model) {
        model.addAttribute("house", house);
        model.addAttribute("bills", ledger.houseBills(house.id()));
        model.addAttribute("reminders", reminders.ofHouse(house.id()));
        model.addAttribute("channels", List.of(ReminderChannel.values()));
        model.addAttribute("outcomes", List.of(ReminderOutcome.values()));
        model.addAttribute("today", ledger.today());
    }

    private HouseSummary visibleHouse(long id) {
        return records.house(id, FeeAccess.scope()).orElseThrow(() -> new NotFoundException("house", id));
    }

    /** A site outside the user's is "not found"; an unknown band reads as none chosen. */
    private static ArrearsList.Filter filter(Long siteId, String bucket) {
        if (siteId != null && !FeeAccess.scope().includes(siteId)) {
            throw new NotFoundException("site", siteId);
        }
        return new ArrearsList.Filter(siteId == null ? 0 : siteId,
                bucket == null ? null : ArrearsBucket.parse(bucket).orElse(null));
    }
}
