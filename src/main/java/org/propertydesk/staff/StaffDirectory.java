package org.propertydesk.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** A staff account as dispatch sees it: who, how to reach them, and which sites they serve. */
    public record StaffMember(long id, String username, String displayName, String phone, boolean allSites,
            Set<Long> siteIds) {

        public boolean serves(Long siteId) {
            return allSites || siteIds.contains(siteId);
        }
    }

    /** Active staff with the role, by display name. */
    public List<StaffMember> membersWithRole(Role role) {
        return staff.findActiveWithRole(role).stream().map(StaffDirectory::member).toList();
    }

    public List<StaffMember> membersWithRoleServing(Role role, Long siteId) {
        return staff.findActiveWithRoleServing(role, siteId).stream().map(StaffDirectory::member).toList();
    }

    /** The member if the account is active and has the role. */
    public Optional<StaffMember> memberWithRole(long id, Role role) {
        return staff.findById(id).filter(s -> s.isActive() && s.getRoles().contains(role)).map(StaffDirectory::member);
    }

    public List<StaffMember> members(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : staff.findByIds(ids.toArray(Long[]::new)).stream().map(StaffDirectory::member).toList();
    }

    private static StaffMember member(Staff s) {
        return new StaffMember(s.getId(), s.getUsername(), s.getDisplayName(), s.getPhone(), s.isAllSites(),
                Set.copyOf(s.getSiteIds()));
    }

    public List<StaffContact> byUsernames(List<String> usernames) {
        return usernames.isEmpty() ? List.of() : staff.findByUsernameIn(usernames).stream()
                .map(s -> new StaffContact(s.getUsername(), s.getDisplayName(), s.getEmail()))
                .toList();
    }
}
