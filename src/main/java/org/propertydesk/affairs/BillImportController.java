package org.propertydesk.affairs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.propertydesk.records.ImportFiles;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportWriter;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing bills from the finance system as the records import works: upload, preview with every problem, then
 * confirm. The checked upload waits in the session under a random token, and is checked again when confirmed.
 */
@Controller
@RequestMapping(BillImportController.PATH)
@PreAuthorize(FeeAccess.IMPORTERS)
class BillImportController {

    static final String PATH = "/affairs/fees/import";

    /** One upload per user: a new one replaces the last. */
    static final String SESSION_KEY = BillImportController.class.getName() + ".upload";

    private final BillImportService service;
    private final SiteDirectory sites;
    private final Dates dates;

    BillImportController(BillImportService service, SiteDirectory sites, Dates dates) {
        this.service = service;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String page(Model model) {
        reference(model);
        return "affairs/fees/import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session, RedirectAttributes redirect) {
        if (file == null || !StringUtils.hasText(file.getOriginalFilename())) {
            Flash.error(redirect, "imports.error.noFile");
            return "redirect:" + PATH;
        }
        String fileName = StringUtils.getFilename(StringUtils.cleanPath(file.getOriginalFilename()));
        try {
            BillUpload upload = BillUpload.of(fileName, ImportFiles.read(fileName, file.getBytes()));
            session.setAttribute(SESSION_KEY, upload);
            return "redirect:" + PATH + "/" + upload.token();
        } catch (ImportFiles.RefusedFile refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        } catch (BillUpload.Refused refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        } catch (IOException unreadable) {
            Flash.error(redirect, "imports.error.unreadable");
        }
        return "redirect:" + PATH;
    }

    @GetMapping("/{token}")
    String preview(@PathVariable String token, HttpSession session, Model model, RedirectAttributes redirect) {
        BillUpload upload = uploadIn(session, token);
        if (upload == null) {
            Flash.error(redirect, "imports.error.expired");
            return "redirect:" + PATH;
        }
        model.addAttribute("preview", service.preview(upload));
        reference(model);
        return "affairs/fees/import";
    }

    @PostMapping("/{token}")
    String confirm(@PathVariable String token, @RequestParam(defaultValue = "false") boolean validRowsOnly,
            HttpSession session, RedirectAttributes redirect) {
        BillUpload upload = uploadIn(session, token);
        if (upload == null) {
            Flash.error(redirect, "imports.error.expired");
            return "redirect:" + PATH;
        }
        Optional<BillImportService.Summary> summary = service.run(upload, validRowsOnly);
        if (summary.isEmpty()) {
            Flash.error(redirect, "imports.error.stillProblems");
            return "redirect:" + PATH + "/" + upload.token();
        }
        session.removeAttribute(SESSION_KEY);
        BillImportService.Summary done = summary.get();
        Flash.success(redirect, "imports.done", done.created(), done.updated(), done.unchanged(), done.skipped());
        return "redirect:" + PATH;
    }

    /** The header row alone, in the reader's language, as exports are written (UTF-8 with a BOM, for Excel). */
    @GetMapping("/template.csv")
    ResponseEntity<byte[]> template(Locale locale) throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (ExportWriter writer = ExportWriter.open(ExportFormat.CSV, csv, "bills", dates.zone())) {
            writer.row(Arrays.stream(BillImportColumn.values()).map(column -> column.header(locale)).toList());
        }
        return ResponseEntity.ok()
                .contentType(ExportFormat.CSV.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("bills-template.csv").build().toString())
                .body(csv.toByteArray());
    }

    private static BillUpload uploadIn(HttpSession session, String token) {
        return session.getAttribute(SESSION_KEY) instanceof BillUpload upload && upload.token().equals(token) ? upload : null;
    }

    private void reference(Model model) {
        model.addAttribute("columns", List.of(BillImportColumn.values()));
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("maxRows", ImportFiles.MAX_ROWS);
    }
}
