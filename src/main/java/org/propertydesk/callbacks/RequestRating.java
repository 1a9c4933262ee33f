package org.propertydesk.callbacks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.web.BusinessRuleException;

/** The owner's stars for a request, once: overall, and optionally speed, attitude and quality, with a comment. */
@Entity
@Table(name = "request_rating")
class RequestRating {

    /** Where the rating came from. */
    enum Channel {
        PORTAL, LINK, CALLBACK, STAFF
    }

    /** At or below this, a supervisor follows up. */
    static final int LOW = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Column(nullable = false)
    private int overall;

    @Column
    private Integer speed;

    @Column
    private Integer attitude;

    @Column
    private Integer quality;

    @Column
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected RequestRating() {
    }

    /** Stars as given; overall is required, each from 1 to 5. */
    record Stars(Integer overall, Integer speed, Integer attitude, Integer quality, String comment) {
    }

    RequestRating(long requestId, long siteId, Stars stars, Channel channel, String recordedBy, Instant now) {
        if (stars.overall() == null) {
            throw new BusinessRuleException("rating.error.overallRequired");
        }
        this.requestId = requestId;
        this.siteId = siteId;
        this.overall = star(stars.overall());
        this.speed = stars.speed() == null ? null : star(stars.speed());
        this.attitude = stars.attitude() == null ? null : star(stars.attitude());
        this.quality = stars.quality() == null ? null : star(stars.quality());
        if (stars.comment() != null && stars.comment().strip().length() > 1000) {
            throw new BusinessRuleException("rating.error.commentTooLong", 1000);
        }
        this.comment = stars.comment() == null || stars.comment().isBlank() ? null : stars.comment().strip();
        this.channel = channel;
        this.recordedBy = recordedBy;
        this.ratedAt = now;
    }

    boolean isLow() {
        return overall <= LOW;
    }

    private static int star(int value) {
        if (value < 1 || value > 5) {
            throw new BusinessRuleException("rating.error.stars");
        }
        return value;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public int getOverall() {
        return overall;
    }

    public Integer getSpeed() {
        return speed;
    }

    public Integer getAttitude() {
        return attitude;
    }

    public Integer getQuality() {
        return quality;
    }

    public String getComment() {
        return comment;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }
}
