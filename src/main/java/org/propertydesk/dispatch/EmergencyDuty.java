package org.propertydesk.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who answers an emergency at a site right now: the technicians serving it whose emergency shift (the 24-hour duty)
 * covers the moment. Other modules (incidents) tell them at once.
 */
@Service
@Transactional(readOnly = true)
public class EmergencyDuty {

    private final StaffDirectory staff;
    private final DutyShiftRepository shifts;

    EmergencyDuty(StaffDirectory staff, DutyShiftRepository shifts) {
        this.staff = staff;
        this.shifts = shifts;
    }

    /** The technicians on emergency duty at the site at the moment, by display name; none if nobody is rostered. */
    public List<StaffDirectory.StaffMember> at(long siteId, Instant moment) {
        List<StaffDirectory.StaffMember> technicians = staff.membersWithRoleServing(Role.TECHNICIAN, siteId);
        if (technicians.isEmpty()) {
            return List.of();
        }
        Set<Long> onDuty = shifts.findCovering(technicians.stream().map(StaffDirectory.StaffMember::id).toList(), moment)
                .stream().filter(DutyShift::isEmergency).map(DutyShift::getStaffId).collect(Collectors.toSet());
        return technicians.stream().filter(t -> onDuty.contains(t.id())).toList();
    }
}
