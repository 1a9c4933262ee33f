package org.propertydesk.staff;

import java.util.List;

import org.propertydesk.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff as other modules need them: who to notify or escalate to for a site.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffRepository staff;

    StaffDirectory(StaffRepository staff) {
        this.staff = staff;
    }

    public record StaffContact(String username, String displayName, String email) {
    }

    /** Active staff with the role who serve the site, directly or through all-sites access. */
    public List<StaffContact> withRoleServing(Role role, Long siteId) {
        return staff.findActiveWithRoleServing(role, siteId).stream()
                .map(s -> new StaffContact(s.getUsername(), s.getDisplayName(), s.getEmail()))
                .toList();
    }

    public List<StaffContact> byUsernames(List<String> usernames) {
        return usernames.isEmpty() ? List.of() : staff.findByUsernameIn(usernames).stream()
                .map(s -> new StaffContact(s.getUsername(), s.getDisplayName(), s.getEmail()))
                .toList();
    }
}
