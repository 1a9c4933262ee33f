package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/** A service line that scored below the threshold at a site in a questionnaire: the site's managers act on it. */
@Entity
@Table(name = "improvement_task")
class ImprovementTask extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "questionnaire_id", nullable = false)
    private Long questionnaireId;

    @Column(name = "site_id", nullable = false)
    private Long siteId;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_line", nullable = false)
    private ServiceLine serviceLine;

    @Column(name = "index_value", nullable = false)
    private BigDecimal indexValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImprovementStatus status = ImprovementStatus.OPEN;

    private String note;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private String doneBy;

    protected ImprovementTask() {
    }

    void done(String note, Instant at, String by) {
        this.status = ImprovementStatus.DONE;
        this.note = note.strip();
        this.doneAt = at;
        this.doneBy = by;
    }

    public Long getId() {
        return id;
    }

    public Long getQuestionnaireId() {
        return questionnaireId;
    }

    public Long getSiteId() {
        return siteId;
    }

    public ServiceLine getServiceLine() {
        return serviceLine;
    }

    public BigDecimal getIndexValue() {
        return indexValue;
    }

    public ImprovementStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getDoneBy() {
        return doneBy;
    }
}
