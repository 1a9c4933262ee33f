package org.propertydesk.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/**
 * A community activity (社区活动) a site plans: what, when, where and for how many people. Owners of the site sign
 * up until it starts; staff record who came; attendees rate it once it is over.
 */
@Entity
@Table(name = "activity")
public class Activity extends Audited {

    static final int MAX_TITLE = 200;
    static final int MAX_PLACE = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_CAPACITY = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Column(nullable = false)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false)
    private String place;

    @Column(nullable = false)
    private int capacity;

    private String description;

    protected Activity() {
    }

    Activity(long siteId, Content content, ZoneId zone) {
        this.siteId = siteId;
        apply(content, zone);
    }

    /** What the planner fills in; times already as instants. */
    record Content(String title, Instant startsAt, Instant endsAt, String place, int capacity, String description) {
    }

    void apply(Content content, ZoneId zone) {
        this.title = content.title().strip();
        this.startsAt = content.startsAt();
        this.endsAt = content.endsAt();
        this.heldOn = LocalDate.ofInstant(content.startsAt(), zone);
        this.place = content.place().strip();
        this.capacity = content.capacity();
        String text = content.description() == null ? "" : content.description().strip();
        this.description = text.isEmpty() ? null : text;
    }

    /** Sign-ups and cancellations are taken until the activity starts. */
    public boolean isOpenForSignUp(Instant now) {
        return now.isBefore(startsAt);
    }

    /** Attendance is recorded from the start. */
    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }

    /** Attendees rate it once it is over. */
    public boolean isOver(Instant now) {
        return !now.isBefore(endsAt);
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getPlace() {
        return place;
    }

    public int getCapacity() {
        return capacity;
    }

    public String getDescription() {
        return description;
    }

    /** The description's lines, for pages that must not rely on inline styles to keep them apart. */
    public List<String> getDescriptionLines() {
        return description == null ? List.of() : Arrays.stream(description.split("\n")).map(String::strip).toList();
    }
}
