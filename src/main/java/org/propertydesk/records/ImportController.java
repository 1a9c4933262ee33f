package org.propertydesk.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportWriter;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
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
 * Bulk import of houses and customers: upload, preview with every problem, then confirm. The checked upload waits in
 * the session under a random token; confirming names the token, and the rows are checked again before writing.
 */
@Controller
@RequestMapping("/records/import")
@PreAuthorize(RecordsAccess.EDITORS)
class ImportController {

    /** One upload per user: a new one replaces the last, so a session never holds more than one file's rows. */
    static final String SESSION_KEY = ImportController.class.getName() + ".upload";

    private final ImportService service;
    private final ImportLabels labels;
    private final SiteDirectory sites;
    private final Dates dates;

    ImportController(ImportService service, ImportLabels labels, SiteDirectory sites, Dates dates) {
        this.service = service;
        this.labels = labels;
        this.sites = sites;
        this.dates = dates;
    }

    /** One kind's columns as the page documents them. */
    record KindGuide(ImportKind kind, List<ColumnGuide> columns) {
    }

    record ColumnGuide(String chineseHeader, String englishHeader, boolean required, String descriptionKey, String choices) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String kind, Model model, Locale locale) {
        reference(model, ImportKind.fromPath(kind).orElse(ImportKind.HOUSES), locale);
        return "records/import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
            HttpSession session, RedirectAttributes redirect) {
        Optional<ImportKind> chosen = ImportKind.fromPath(kind);
        if (chosen.isEmpty()) {
            Flash.error(redirect, "imports.error.kind");
            return "redirect:/records/import";
        }
        String back = "redirect:/records/import?kind=" + chosen.get().getPath();
        if (file == null || !StringUtils.hasText(file.getOriginalFilename())) {
            Flash.error(redirect, "imports.error.noFile");
            return back;
        }
        String fileName = StringUtils.getFilename(StringUtils.cleanPath(file.getOriginalFilename()));
        try {
            ImportUpload upload = ImportUpload.of(chosen.get(), fileName, ImportFileReader.read(fileName, file.getBytes()));
            session.setAttribute(SESSION_KEY, upload);
            return "redirect:/records/import/" + upload.token();
        } catch (ImportFileException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
            return back;
        } catch (IOException unreadable) {
            Flash.error(redirect, "imports.error.unreadable");
            return back;
        }
    }

    @GetMapping("/{token}")
    String preview(@PathVariable String token, HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
        ImportUpload upload = uploadIn(session, token);
        if (upload == null) {
            Flash.error(redirect, "imports.error.expired");
            return "redirect:/records/import";
        }
        model.addAttribute("preview", service.preview(upload, locale));
        reference(model, upload.kind(), locale);
        return "records/import";
    }

    @PostMapping("/{token}")
    String confirm(@PathVariable String token, @RequestParam(defaultValue = "false") boolean validRowsOnly,
            HttpSession session, Locale locale, RedirectAttributes redirect) {
        ImportUpload upload = uploadIn(session, token);
        if (upload == null) {
            Flash.error(redirect, "imports.error.expired");
            return "redirect:/records/import";
        }
        Optional<ImportSummary> summary = service.run(upload, validRowsOnly, locale);
        if (summary.isEmpty()) {
            Flash.error(redirect, "imports.error.stillProblems");
            return "redirect:/records/import/" + upload.token();
        }
        session.removeAttribute(SESSION_KEY);
        ImportSummary done = summary.get();
        Flash.success(redirect, "imports.done", done.created(), done.updated(), done.unchanged(), done.skipped());
        return "redirect:/records/import?kind=" + upload.kind().getPath();
    }

    /** The header row alone, in the reader's language, written as exports are (UTF-8 with a BOM, for Excel). */
    @GetMapping("/template/{kind}.csv")
    ResponseEntity<byte[]> template(@PathVariable String kind, Locale locale) throws IOException {
        ImportKind chosen = ImportKind.fromPath(kind).orElseThrow(() -> new NotFoundException("Import template", kind));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (ExportWriter writer = ExportWriter.open(ExportFormat.CSV, csv, chosen.getPath(), dates.zone())) {
            writer.row(chosen.headers(locale));
        }
        return ResponseEntity.ok()
                .contentType(ExportFormat.CSV.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(chosen.getPath() + "-template.csv").build().toString())
                .body(csv.toByteArray());
    }

    private static ImportUpload uploadIn(HttpSession session, String token) {
        return session.getAttribute(SESSION_KEY) instanceof ImportUpload upload && upload.token().equals(token) ? upload : null;
    }

    private void reference(Model model, ImportKind selected, Locale locale) {
        model.addAttribute("selectedKind", selected);
        model.addAttribute("guides", Arrays.stream(ImportKind.values()).map(kind -> guide(kind, locale)).toList());
        model.addAttribute("sites", sites.visibleIn(RecordsAccess.scope()));
        model.addAttribute("maxRows", ImportFileReader.MAX_ROWS);
    }

    private KindGuide guide(ImportKind kind, Locale locale) {
        return new KindGuide(kind, kind.columns().stream()
                .map(column -> new ColumnGuide(column.chineseHeader(), column.englishHeader(), kind.isRequired(column),
                        "imports.column." + column.englishHeader(), choices(column, locale)))
                .toList());
    }

    private String choices(ImportColumn column, Locale locale) {
        return switch (column) {
            case USE -> labels.choices(HouseUse.class, locale);
            case STATUS -> labels.choices(HouseStatus.class, locale);
            case TYPE -> labels.choices(CustomerType.class, locale);
            case VALUE_TIER -> labels.choices(ValueTier.class, locale);
            case ROLE -> labels.choices(OccupancyRole.class, locale);
            case PRIMARY_CONTACT -> labels.yesNo(true, locale) + " / " + labels.yesNo(false, locale);
            default -> null;
        };
    }
}
