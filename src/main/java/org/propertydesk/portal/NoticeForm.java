package org.propertydesk.portal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A notice as the manager writes it; the times are the sites' local time (datetime-local). */
class NoticeForm {

    private Long version;

    @NotBlank
    @Size(max = Notice.MAX_TITLE)
    private String title;

    @NotBlank
    @Size(max = Notice.MAX_BODY)
    private String body;

    private boolean urgent;

    @NotNull
    private LocalDateTime validFrom;

    private LocalDateTime validUntil;

    @NotEmpty
    private Set<Long> siteIds = new LinkedHashSet<>();

    static NoticeForm startingAt(LocalDateTime from) {
        NoticeForm form = new NoticeForm();
        form.validFrom = from;
        return form;
    }

    static NoticeForm of(Notice notice, ZoneId zone) {
        NoticeForm form = new NoticeForm();
        form.version = notice.getVersion();
        form.title = notice.getTitle();
        form.body = notice.getBody();
        form.urgent = notice.isUrgent();
        form.validFrom = LocalDateTime.ofInstant(notice.getValidFrom(), zone);
        form.validUntil = notice.getValidUntil() == null ? null : LocalDateTime.ofInstant(notice.getValidUntil(), zone);
        form.siteIds = new LinkedHashSet<>(notice.getSiteIds());
        return form;
    }

    Notice.Content content(ZoneId zone) {
        return new Notice.Content(title, body, urgent, validFrom == null ? null : validFrom.atZone(zone).toInstant(),
                validUntil == null ? null : validUntil.atZone(zone).toInstant(), siteIds);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    /** Browsers send a textarea's line breaks as CRLF; one character each is what the length limit counts. */
    public void setBody(String body) {
        this.body = body == null ? null : body.replace("\r\n", "\n");
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }

    public LocalDateTime getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDateTime validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDateTime getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDateTime validUntil) {
        this.validUntil = validUntil;
    }

    public Set<Long> getSiteIds() {
        return siteIds;
    }

    public void setSiteIds(Set<Long> siteIds) {
        this.siteIds = siteIds == null ? new LinkedHashSet<>() : siteIds;
    }
}
