package org.propertydesk.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.requests.OwnerRequests;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form a printed QR code opens: anyone at the place reports a problem with a phone number, a description and a
 * few photos, without an account. The report is unverified until the front desk has called the number back. Reports
 * are limited per address, per phone number and per place, so that the form cannot flood the queue.
 */
@Controller
@RequestMapping("/r/{token}")
class PublicReportController {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_PHOTOS = 3;
    static final int MAX_PER_PHONE = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final int MAX_PER_POINT = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    private final ReportPoints points;
    private final OwnerRequests requests;
    private final PublicAttempts attempts;
    private final Dates dates;

    PublicReportController(ReportPoints points, OwnerRequests requests, PublicAttempts attempts, Dates dates) {
        this.points = points;
        this.requests = requests;
        this.attempts = attempts;
        this.dates = dates;
    }

    @GetMapping
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        ReportPoint point = points.active(token).orElse(null);
        if (point == null) {
            return unknown(response);
        }
        return page(point, "", "", Map.of(), null, model);
    }

    /**
     * Field errors are said at their fields and count for nothing; a well-formed report counts against the address,
     * then the phone number, then the place, stopping at the first limit reached so that one flood does not use up
     * the place's allowance for the people who live there.
     */
    @PostMapping
    String submit(@PathVariable String token, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String description,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @RequestParam(name = "website", required = false) String honeypot, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ReportPoint point = points.active(token).orElse(null);
        if (point == null) {
            return unknown(response);
        }
        if (honeypot != null && !honeypot.isEmpty()) {
            // only a robot fills the field people never see; it gets the empty form back and nothing is made
            return "redirect:/r/" + point.getToken();
        }
        String phoneText = phone == null ? "" : phone.strip();
        String text = description == null ? "" : description.strip();
        List<MultipartFile> files = photos == null ? List.of() : photos.stream().filter(f -> !f.isEmpty()).toList();
        Map<String, String> errors = new TreeMap<>();
        if (phoneText.isEmpty()) {
            errors.put("phone", "portal.report.error.phoneRequired");
        } else if (!PhoneNumbers.isValid(phoneText)) {
            errors.put("phone", "portal.report.error.phoneInvalid");
        }
        if (text.isEmpty()) {
            errors.put("description", "portal.report.error.descriptionRequired");
        } else if (text.length() > MAX_DESCRIPTION) {
            errors.put("description", "portal.report.error.descriptionTooLong");
        }
        if (files.size() > MAX_PHOTOS) {
            errors.put("photos", "portal.report.error.tooManyPhotos");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(point, phoneText, text, errors, null, model);
        }
        String number = PhoneNumbers.normalise(phoneText);
        Instant now = dates.now();
        boolean allowed = attempts.allow(PublicAttempts.Form.PUBLIC_REPORT, "address:" + request.getRemoteAddr(),
                MAX_PER_ADDRESS, WINDOW, now)
                && attempts.allow(PublicAttempts.Form.PUBLIC_REPORT, "phone:" + number, MAX_PER_PHONE, WINDOW, now)
                && attempts.allow(PublicAttempts.Form.PUBLIC_REPORT, "point:" + point.getId(), MAX_PER_POINT, WINDOW, now);
        if (!allowed) {
            response.setStatus(429);
            return page(point, phoneText, text, Map.of(), "portal.report.error.tooMany", model);
        }
        String requestNumber;
        try {
            requestNumber = requests.reportWithoutAccount(point.getSiteId(), point.getId(), point.getName(), number,
                    text, files);
        } catch (BusinessRuleException refused) {
            // the upload checks are the only refusal left once the fields are valid
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(point, phoneText, text, Map.of("photos", refused.messageKey()), null, model);
        }
        redirect.addFlashAttribute("number", requestNumber);
        return "redirect:/r/" + point.getToken() + "/thanks";
    }

    /** The number of the report just made; anyone arriving without one goes to the form. */
    @GetMapping("/thanks")
    String thanks(@PathVariable String token, Model model, HttpServletResponse response) {
        ReportPoint point = points.active(token).orElse(null);
        if (point == null) {
            return unknown(response);
        }
        if (!model.containsAttribute("number")) {
            return "redirect:/r/" + point.getToken();
        }
        model.addAttribute("point", point);
        model.addAttribute("siteName", points.siteName(point));
        return "portal/qr/thanks";
    }

    private String page(ReportPoint point, String phone, String description, Map<String, String> errors,
            String refusal, Model model) {
        model.addAttribute("point", point);
        model.addAttribute("siteName", points.siteName(point));
        model.addAttribute("phone", phone);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("maxDescription", MAX_DESCRIPTION);
        model.addAttribute("maxPhotos", MAX_PHOTOS);
        return "portal/qr/form";
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/qr/unknown";
    }
}
