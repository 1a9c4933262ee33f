package org.propertydesk.portal;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * A notice (通知/公告) a manager publishes to some of their sites: the owners living there read it while it is valid,
 * until it expires or is withdrawn. A withdrawn notice stays on record as it was and cannot be changed.
 */
@Entity
@Table(name = "notice")
public class Notice extends Audited {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean urgent;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    /** Null: valid until withdrawn. */
    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "published_by_name", nullable = false, updatable = false)
    private String publishedByName;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_site", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "site_id")
    private Set<Long> siteIds = new LinkedHashSet<>();

    /** Empty: every household of the sites; otherwise only those of these buildings. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_building", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "building_id")
    private Set<Long> buildingIds = new LinkedHashSet<>();

    protected Notice() {
    }

    /** Published by someone serving {@code publisherSites}, who may address only those. */
    Notice(Content content, SiteScope publisherSites, String publishedByName) {
        this.publishedByName = publishedByName;
        apply(content, content.siteIds(), publisherSites);
    }

    /** An urgent notice to the households of one site, or of some of its buildings, valid from now until revised. */
    static Notice urgent(long siteId, Set<Long> buildingIds, String title, String body, Instant now,
            SiteScope publisherSites, String publishedByName) {
        Notice notice = new Notice(new Content(title, abbreviated(body), true, now, null, Set.of(siteId)), publisherSites,
                publishedByName);
        notice.buildingIds.addAll(buildingIds);
        return notice;
    }

    /** New text for a notice still shown, and optionally the moment it stops being shown. */
    void revise(String body, Instant validUntil) {
        requireNotWithdrawn();
        Set<Long> sites = Set.copyOf(siteIds);
        apply(new Content(title, abbreviated(body), urgent, validFrom, validUntil == null ? this.validUntil : validUntil,
                sites), sites, SiteScope.of(sites));
    }

    /** Text longer than a notice holds is cut, marked as cut: the end of a long incident log matters least. */
    private static String abbreviated(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY - 1) + "…";
    }

    /** What a notice says, when, and to which sites. */
    record Content(String title, String body, boolean urgent, Instant validFrom, Instant validUntil, Set<Long> siteIds) {
    }

    /**
     * Changes the notice. The sites the editor does not serve stay addressed: they cannot see them on the form, so
     * leaving them out does not mean dropping them.
     */
    void edit(Content content, SiteScope editorSites) {
        requireNotWithdrawn();
        Set<Long> sites = new LinkedHashSet<>(content.siteIds() == null ? Set.of() : content.siteIds());
        sites.addAll(siteIds.stream().filter(s -> !editorSites.includes(s)).collect(Collectors.toSet()));
        apply(content, sites, editorSites);
    }

    void withdraw(Instant at) {
        requireNotWithdrawn();
        withdrawnAt = at;
    }

    private void apply(Content content, Set<Long> sites, SiteScope allowed) {
        String cleanTitle = content.title() == null ? "" : content.title().strip();
        String cleanBody = content.body() == null ? "" : content.body().strip();
        if (cleanTitle.isEmpty()) {
            throw new FieldRefusal("title", "notice.error.titleRequired");
        }
        if (cleanTitle.length() > MAX_TITLE) {
            throw new FieldRefusal("title", "notice.error.titleTooLong");
        }
        if (cleanBody.isEmpty()) {
            throw new FieldRefusal("body", "notice.error.bodyRequired");
        }
        if (cleanBody.length() > MAX_BODY) {
            throw new FieldRefusal("body", "notice.error.bodyTooLong");
        }
        if (content.validFrom() == null) {
            throw new FieldRefusal("validFrom", "notice.error.validFromRequired");
        }
        if (content.validUntil() != null && !content.validUntil().isAfter(content.validFrom())) {
            throw new FieldRefusal("validUntil", "notice.error.untilNotAfterFrom");
        }
        if (sites == null || sites.isEmpty()) {
            throw new FieldRefusal("siteIds", "notice.error.noSite");
        }
        // Only sites newly addressed must be the person's own: see edit.
        if (sites.stream().anyMatch(s -> !siteIds.contains(s) && !allowed.includes(s))) {
            throw new FieldRefusal("siteIds", "notice.error.siteNotServed");
        }
        this.title = cleanTitle;
        this.body = cleanBody;
        this.urgent = content.urgent();
        this.validFrom = content.validFrom();
        this.validUntil = content.validUntil();
        this.siteIds.clear();
        this.siteIds.addAll(sites);
    }

    private void requireNotWithdrawn() {
        if (withdrawnAt != null) {
            throw new BusinessRuleException("notice.error.withdrawn");
        }
    }

    public NoticeStatus statusAt(Instant now) {
        return NoticeStatus.of(validFrom, validUntil, withdrawnAt, now);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Whether a person serving these sites sees the notice: it is addressed to one of them. */
    boolean visibleIn(SiteScope scope) {
        return siteIds.stream().anyMatch(scope::includes);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    /** The body's lines, for pages that must not rely on inline styles to keep them apart. */
    public List<String> getBodyLines() {
        return lines(body);
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).toList();
    }

    public boolean isUrgent() {
        return urgent;
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public Instant getValidUntil() {
        return validUntil;
    }

    public String getPublishedByName() {
        return publishedByName;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public Set<Long> getSiteIds() {
        return Set.copyOf(siteIds);
    }

    public Set<Long> getBuildingIds() {
        return Set.copyOf(buildingIds);
    }
}
