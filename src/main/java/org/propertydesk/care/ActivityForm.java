package org.propertydesk.care;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An activity as the planner writes it; the times are the site's local time (datetime-local). */
class ActivityForm {

    private Long version;

    @NotNull
    private Long siteId;

    @NotBlank
    @Size(max = Activity.MAX_TITLE)
    private String title;

    @NotNull
    private LocalDateTime startsAt;

    @NotNull
    private LocalDateTime endsAt;

    @NotBlank
    @Size(max = Activity.MAX_PLACE)
    private String place;

    @NotNull
    @Min(1)
    @Max(Activity.MAX_CAPACITY)
    private Integer capacity;

    @Size(max = Activity.MAX_DESCRIPTION)
    private String description;

    static ActivityForm of(Activity activity, ZoneId zone) {
        ActivityForm form = new ActivityForm();
        form.version = activity.getVersion();
        form.siteId = activity.getSiteId();
        form.title = activity.getTitle();
        form.startsAt = LocalDateTime.ofInstant(activity.getStartsAt(), zone);
        form.endsAt = LocalDateTime.ofInstant(activity.getEndsAt(), zone);
        form.place = activity.getPlace();
        form.capacity = activity.getCapacity();
        form.description = activity.getDescription();
        return form;
    }

    Activity.Content content(ZoneId zone) {
        return new Activity.Content(title, startsAt.atZone(zone).toInstant(), endsAt.atZone(zone).toInstant(), place,
                capacity, description);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getDescription() {
        return description;
    }

    /** Browsers send a textarea's line breaks as CRLF; one character each is what the length limit counts. */
    public void setDescription(String description) {
        this.description = description == null ? null : description.replace("\r\n", "\n");
    }
}
