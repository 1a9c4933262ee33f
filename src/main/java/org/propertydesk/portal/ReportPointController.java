package org.propertydesk.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.Flash;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Report points for staff: each site's points with their QR codes, a poster per point and a sheet of all the site's
 * codes to print. The front desk may look and print; managers and administrators add, rename and switch points off.
 */
@Controller
@RequestMapping("/report-points")
@PreAuthorize(ReportPointController.READERS)
class ReportPointController {

    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";
    static final String EDITORS = "hasAnyRole('ADMIN','MANAGER')";

    private final ReportPoints points;
    private final ReportPointQr qr;
    private final SiteDirectory sites;

    ReportPointController(ReportPoints points, ReportPointQr qr, SiteDirectory sites) {
        this.points = points;
        this.qr = qr;
        this.sites = sites;
    }

    /** A point as the pages show it, with the address its code opens. */
    public record Row(ReportPoint point, String url) {
    }

    @GetMapping
    String sites(Model model) {
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        return "portal/report-points/sites";
    }

    @GetMapping("/sites/{siteId}")
    String site(@PathVariable long siteId, Model model) {
        return sitePage(siteId, "", null, Map.of(), model);
    }

    @PostMapping("/sites/{siteId}")
    @PreAuthorize(EDITORS)
    String add(@PathVariable long siteId, @RequestParam(required = false) String name, Model model,
            RedirectAttributes redirect) {
        try {
            ReportPoint point = points.addCommonArea(siteId, name);
            Flash.success(redirect, "report.point.added", point.getName());
            return "redirect:/report-points/sites/" + siteId;
        } catch (FieldRefusal refused) {
            return sitePage(siteId, name, refused.messageKey(), Map.of(), model);
        }
    }

    @PostMapping("/{id}/rename")
    @PreAuthorize(EDITORS)
    String rename(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        ReportPoint point = points.get(id);
        try {
            points.rename(id, name, version);
            Flash.success(redirect, "report.point.renamed");
            return "redirect:/report-points/sites/" + point.getSiteId();
        } catch (FieldRefusal refused) {
            Map<Long, String> errors = new HashMap<>();
            errors.put(id, refused.messageKey());
            return sitePage(point.getSiteId(), "", null, errors, model);
        }
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize(EDITORS)
    String deactivate(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        ReportPoint point = points.deactivate(id, version);
        Flash.success(redirect, "report.point.deactivated", point.getName());
        return "redirect:/report-points/sites/" + point.getSiteId();
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize(EDITORS)
    String reactivate(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        ReportPoint point = points.reactivate(id, version);
        Flash.success(redirect, "report.point.reactivated", point.getName());
        return "redirect:/report-points/sites/" + point.getSiteId();
    }

    @GetMapping(value = "/{id}/qr.svg")
    ResponseEntity<String> qrCode(@PathVariable long id) {
        ReportPoint point = points.get(id);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(ReportPointQr.svg(qr.url(point)));
    }

    /** One point's poster, to print and hang at the place. */
    @GetMapping("/{id}/poster")
    String poster(@PathVariable long id, Model model) {
        ReportPoint point = points.get(id);
        model.addAttribute("site", points.site(point.getSiteId()));
        model.addAttribute("row", new Row(point, qr.url(point)));
        return "portal/report-points/poster";
    }

    /** All the site's active codes on one sheet, to print and cut out. */
    @GetMapping("/sites/{siteId}/sheet")
    String sheet(@PathVariable long siteId, Model model) {
        List<Row> rows = points.ofSite(siteId).stream().filter(ReportPoint::isActive).map(this::row).toList();
        model.addAttribute("site", points.site(siteId));
        model.addAttribute("rows", rows);
        return "portal/report-points/sheet";
    }

    private String sitePage(long siteId, String name, String nameError, Map<Long, String> renameErrors, Model model) {
        List<Row> rows = points.ofSite(siteId).stream().map(this::row).toList();
        SiteSummary site = points.site(siteId);
        model.addAttribute("site", site);
        model.addAttribute("rows", rows);
        model.addAttribute("name", name);
        model.addAttribute("nameError", nameError);
        model.addAttribute("renameErrors", renameErrors);
        model.addAttribute("maxName", ReportPoint.MAX_NAME);
        return "portal/report-points/site";
    }

    private Row row(ReportPoint point) {
        return new Row(point, qr.url(point));
    }
}
