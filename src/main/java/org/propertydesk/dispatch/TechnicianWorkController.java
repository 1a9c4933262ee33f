package org.propertydesk.dispatch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The technician's phone page: my jobs with the time left, and one job from accepting it to finishing it with
 * materials and photos. Refused input comes back on the job page with what was typed, the message at its field.
 */
@Controller
@RequestMapping("/work")
@PreAuthorize(DispatchAccess.TECHNICIANS)
class TechnicianWorkController {

    private final TechnicianWork work;
    private final WorkOrderService workOrders;
    private final Dates dates;

    TechnicianWorkController(TechnicianWork work, WorkOrderService workOrders, Dates dates) {
        this.work = work;
        this.workOrders = workOrders;
        this.dates = dates;
    }

    /** A reason to decline or pause, and for a pause when work should go on, in the display zone. */
    static class ReasonForm {

        private String reason;
        private LocalDateTime expectedResume;

        Instant expectedResumeAt(ZoneId zone) {
            return expectedResume == null ? null : expectedResume.atZone(zone).toInstant();
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public LocalDateTime getExpectedResume() {
            return expectedResume;
        }

        public void setExpectedResume(LocalDateTime expectedResume) {
            this.expectedResume = expectedResume;
        }
    }

    @GetMapping
    String jobs(Model model) {
        model.addAttribute("jobs", work.jobs());
        return "dispatch/work/list";
    }

    /** The list alone: the page reloads it every minute, so the time left stays true on a phone left open. */
    @GetMapping("/jobs")
    String jobList(Model model) {
        model.addAttribute("jobs", work.jobs());
        return "dispatch/work/list :: jobs";
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("reasonForm", new ReasonForm());
        model.addAttribute("completionForm", new CompletionForm());
        return page(id, model);
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        Flash.success(redirect, "work.accepted", workOrders.accept(id).getNumber());
        return "redirect:/work/" + id;
    }

    @PostMapping("/{id}/arrive")
    String arrive(@PathVariable long id, RedirectAttributes redirect) {
        Flash.success(redirect, "work.arrived", workOrders.arrive(id).getNumber());
        return "redirect:/work/" + id;
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        Flash.success(redirect, "work.resumed", workOrders.resume(id).getNumber());
        return "redirect:/work/" + id;
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable long id, @ModelAttribute("reasonForm") ReasonForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Flash.success(redirect, "work.declined", workOrders.decline(id, form.getReason()).getNumber());
                return "redirect:/work";
            } catch (BusinessRuleException refused) {
                reject(binding, refused, reasonField(refused));
            }
        }
        model.addAttribute("completionForm", new CompletionForm());
        return page(id, model);
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable long id, @ModelAttribute("reasonForm") ReasonForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                WorkOrder order = workOrders.pause(id, form.getReason(), form.expectedResumeAt(dates.zone()));
                Flash.success(redirect, "work.paused", order.getNumber());
                return "redirect:/work/" + id;
            } catch (BusinessRuleException refused) {
                reject(binding, refused, reasonField(refused));
            }
        }
        model.addAttribute("completionForm", new CompletionForm());
        return page(id, model);
    }

    @PostMapping("/{id}/complete")
    String complete(@PathVariable long id, @ModelAttribute("completionForm") CompletionForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        form.rejectRowsWithoutMaterial(binding);
        if (!binding.hasErrors()) {
            try {
                Flash.success(redirect, "work.completed", work.complete(id, form, locale).getNumber());
                return "redirect:/work";
            } catch (BusinessRuleException refused) {
                reject(binding, refused, form.fieldOf(refused));
            }
        }
        model.addAttribute("reasonForm", new ReasonForm());
        return page(id, model);
    }

    /**
     * Photos at any step of an active job. A refusal goes back to the job page as a message: the browser cannot keep
     * the chosen files, so there is nothing to re-render.
     */
    @PostMapping("/{id}/photos")
    String addPhotos(@PathVariable long id, @RequestParam(defaultValue = "BEFORE") WorkOrderPhoto.Stage stage,
            @RequestParam(name = "photos", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        work.addPhotos(id, stage, files);
        Flash.success(redirect, "work.photosAdded");
        return "redirect:/work/" + id;
    }

    @GetMapping("/{id}/request-photos/{attachmentId}")
    ResponseEntity<Resource> requestPhoto(@PathVariable long id, @PathVariable long attachmentId) {
        var photo = work.requestPhoto(id, attachmentId).orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        return file(photo.fileName(), photo.contentType(), photo.path());
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId) {
        var download = work.photo(id, photoId).orElseThrow(() -> new NotFoundException("WorkOrderPhoto", photoId));
        return file(download.photo().getFileName(), download.photo().getContentType(), download.path());
    }

    private String page(long id, Model model) {
        model.addAttribute("jobPage", work.job(id));
        model.addAttribute("priceList", work.priceList());
        return "dispatch/work/job";
    }

    private static Optional<String> reasonField(BusinessRuleException refused) {
        return switch (refused.messageKey()) {
            case "workOrder.error.reasonRequired", "workOrder.error.textTooLong" -> Optional.of("reason");
            case "workOrder.error.expectedInPast" -> Optional.of("expectedResume");
            default -> Optional.empty();
        };
    }

    /**
     * Shows a refusal at its field, or above the page. Arguments that are message keys ("cannot {accept} while
     * {completed}") are translated too, as the flash messages' are.
     */
    private static void reject(BindingResult binding, BusinessRuleException refused, Optional<String> field) {
        Object[] arguments = refused.arguments() == null ? null : Arrays.stream(refused.arguments())
                .map(argument -> argument instanceof String key && key.matches("[a-zA-Z]+(\\.[a-zA-Z_]+)+")
                        ? new DefaultMessageSourceResolvable(new String[] {key}, key) : argument)
                .toArray();
        field.ifPresentOrElse(name -> binding.rejectValue(name, refused.messageKey(), arguments, null),
                () -> binding.reject(refused.messageKey(), arguments, null));
    }

    /** Streams a stored photo; the type was sniffed at upload, so only images are shown inline. */
    private static ResponseEntity<Resource> file(String fileName, String contentType, Path path) {
        ContentDisposition disposition = (contentType.startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(new FileSystemResource(path));
    }
}
