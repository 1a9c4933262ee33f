package org.propertydesk.dispatch;

import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/**
 * The technician profile of a staff account: the skills matched against a category's skill, and the team. The sites
 * served and the name are the staff account's.
 */
@Entity
@Table(name = "technician")
class Technician extends Audited {

    @Id
    @Column(name = "staff_id")
    private Long staffId;

    @Column(name = "team_id")
    private Long teamId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "technician_skill", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "skill")
    private Set<String> skills = new TreeSet<>();

    protected Technician() {
    }

    Technician(long staffId) {
        this.staffId = staffId;
    }

    void update(Set<String> skills, Long teamId) {
        this.skills.clear();
        skills.stream().filter(s -> s != null && !s.isBlank()).map(s -> s.strip().toUpperCase(java.util.Locale.ROOT))
                .forEach(this.skills::add);
        this.teamId = teamId;
    }

    boolean has(String skill) {
        return skill != null && skills.contains(skill);
    }

    public Long getStaffId() {
        return staffId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public Set<String> getSkills() {
        return Set.copyOf(skills);
    }
}
