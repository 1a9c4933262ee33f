package org.propertydesk.portal;

import org.propertydesk.callbacks.OwnerRatings;

/** The owner's stars for a resolved request: overall required, the parts optional, an optional comment. */
class PortalRatingForm {

    static final int MAX_COMMENT = 1000;

    private Integer overall;

    private Integer speed;

    private Integer attitude;

    private Integer quality;

    private String comment;

    OwnerRatings.Stars stars() {
        return new OwnerRatings.Stars(overall, speed, attitude, quality, comment);
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
