package org.propertydesk.callbacks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the owner said when reached, and optionally the stars they gave on the phone. The owner's comment goes with
 * both: it is one thing they said.
 */
class ReachedForm {

    private Long version;

    @NotNull
    private Boolean solved;

    @NotNull
    private Satisfaction satisfaction;

    @Size(max = Callback.MAX_COMMENT)
    private String comment;

    @Size(max = Callback.MAX_NOTE)
    private String note;

    @Min(1)
    @Max(5)
    private Integer overall;

    @Min(1)
    @Max(5)
    private Integer speed;

    @Min(1)
    @Max(5)
    private Integer attitude;

    @Min(1)
    @Max(5)
    private Integer quality;

    Callback.Answer answer() {
        return new Callback.Answer(solved, satisfaction, comment);
    }

    /** Stars only when some were given; stars for parts without an overall rating are refused by the rating. */
    RequestRating.Stars stars() {
        if (overall == null && speed == null && attitude == null && quality == null) {
            return null;
        }
        return new RequestRating.Stars(overall, speed, attitude, quality, comment);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Boolean getSolved() {
        return solved;
    }

    public void setSolved(Boolean solved) {
        this.solved = solved;
    }

    public Satisfaction getSatisfaction() {
        return satisfaction;
    }

    public void setSatisfaction(Satisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Integer getOverall() {
        return overall;
    }

    public void setOverall(Integer overall) {
        this.overall = overall;
    }

    public Integer getSpeed() {
        return speed;
    }

    public void setSpeed(Integer speed) {
        this.speed = speed;
    }

    public Integer getAttitude() {
        return attitude;
    }

    public void setAttitude(Integer attitude) {
        this.attitude = attitude;
    }

    public Integer getQuality() {
        return quality;
    }

    public void setQuality(Integer quality) {
        this.quality = quality;
    }
}
