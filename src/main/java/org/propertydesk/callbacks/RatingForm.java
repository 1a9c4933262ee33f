package org.propertydesk.callbacks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The owner's stars, from the signed link or the portal: overall is required, the parts are optional, each 1 to 5.
 */
public class RatingForm {

    public static final int MAX_COMMENT = 1000;

    /** Said as the owner needs it: NotNull.overall in the messages. */
    @NotNull
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

    @Size(max = MAX_COMMENT)
    private String comment;

    RequestRating.Stars stars() {
        return new RequestRating.Stars(overall, speed, attitude, quality, comment);
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

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
