package org.propertydesk.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front desk's side of owner accounts, on the customer 360 page: whether the customer has an account, a code for
 * one of the customer's phone numbers (printed on a slip, mailed when possible), and switching the account off.
 */
@Controller
@RequestMapping("/owner-accounts/customers/{customerId}")
class OwnerAccountDeskController {

    /** Who hands out codes and switches accounts off. */
    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    /** Everyone who reads the customer page sees the section; a dispatcher only sees whether there is an account. */
    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    private final OwnerAccounts ownerAccounts;
    private final OwnerAccountRepository accounts;
    private final RecordsDirectory records;
    private final ActivationCodeMail mail;
    private final Dates dates;

    OwnerAccountDeskController(OwnerAccounts ownerAccounts, OwnerAccountRepository accounts, RecordsDirectory records,
            ActivationCodeMail mail, Dates dates) {
        this.ownerAccounts = ownerAccounts;
        this.accounts = accounts;
        this.records = records;
        this.mail = mail;
        this.dates = dates;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String section(@PathVariable long customerId, Model model) {
        RecordsDirectory.CustomerSummary customer = visible(customerId);
        Map<String, String> phones = new LinkedHashMap<>();
        customer.phones().forEach(phone -> phones.put(phone, PhoneNumbers.display(phone)));
        model.addAttribute("customerId", customerId);
        model.addAttribute("phones", phones);
        accounts.findByCustomerId(customerId).ifPresent(account -> {
            model.addAttribute("accountUsername", account.getUsername());
            model.addAttribute("accountSince", dates.dateTime(account.getActivatedAt()));
            model.addAttribute("accountActive", account.isActive());
        });
        return "portal/account/section";
    }

    /**
     * Issues the code and shows it on a slip to print or read out. Only its hash is kept, so this response is the one
     * place the code appears; it must not be cached.
     */
    @PostMapping("/codes")
    @PreAuthorize(DESK)
    String issue(@PathVariable long customerId, @RequestParam(required = false) String phone, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        OwnerAccounts.IssuedCode issued;
        try {
            issued = ownerAccounts.issue(customerId, phone);
        } catch (FieldRefusal refusal) {
            Flash.error(redirect, refusal.messageKey());
            return "redirect:/records/customers/" + customerId;
        }
        boolean mailed = mail.send(issued, records.email(customerId, CurrentUser.siteScope()).orElse(null));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("customerId", customerId);
        model.addAttribute("customerName", issued.customerName());
        model.addAttribute("phone", PhoneNumbers.display(issued.phone()));
        model.addAttribute("code", issued.code().substring(0, 4) + " " + issued.code().substring(4));
        model.addAttribute("reset", issued.reset());
        model.addAttribute("expiresAt", dates.dateTime(issued.expiresAt()));
        model.addAttribute("address", mail.address(issued.reset()));
        model.addAttribute("mailed", mailed);
        return "portal/account/slip";
    }

    @PostMapping("/deactivate")
    @PreAuthorize(DESK)
    String deactivate(@PathVariable long customerId, RedirectAttributes redirect) {
        ownerAccounts.deactivate(customerId);
        Flash.success(redirect, "portal.account.deactivated");
        return "redirect:/records/customers/" + customerId;
    }

    private RecordsDirectory.CustomerSummary visible(long customerId) {
        return records.customer(customerId, CurrentUser.siteScope())
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }
}
