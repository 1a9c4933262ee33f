package org.propertydesk.dispatch;

import java.util.Set;
import java.util.TreeSet;

/** A technician's skills and team; the name and sites served are edited on the staff account. */
class TechnicianForm {

    /** Null while the technician has no profile yet. */
    private Long version;

    private Set<String> skills = new TreeSet<>();

    private Long teamId;

    static TechnicianForm of(DispatchSettings.TechnicianView technician) {
        TechnicianForm form = new TechnicianForm();
        form.version = technician.version();
        form.skills = new TreeSet<>(technician.skills());
        form.teamId = technician.teamId();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Set<String> getSkills() {
        return skills;
    }

    public void setSkills(Set<String> skills) {
        this.skills = skills == null ? new TreeSet<>() : skills;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }
}
