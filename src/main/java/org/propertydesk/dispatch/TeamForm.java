package org.propertydesk.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class TeamForm {

    private Long version;

    @NotBlank
    @Size(max = 100)
    private String name;

    /** None: the team works wherever its members do. */
    private Long siteId;

    private Long leaderStaffId;

    private boolean active = true;

    static TeamForm of(Team team) {
        TeamForm form = new TeamForm();
        form.version = team.getVersion();
        form.name = team.getName();
        form.siteId = team.getSiteId();
        form.leaderStaffId = team.getLeaderStaffId();
        form.active = team.isActive();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public Long getLeaderStaffId() {
        return leaderStaffId;
    }

    public void setLeaderStaffId(Long leaderStaffId) {
        this.leaderStaffId = leaderStaffId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
