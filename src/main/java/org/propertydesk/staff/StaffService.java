package org.propertydesk.staff;

import java.util.Collection;
import java.util.Set;

import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.propertydesk.shared.security.UsernameCheck;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and maintaining staff accounts. There is always at least one active admin, so nobody locks the company
 * out of its own system.
 */
@Service
@Transactional
public class StaffService {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 100;

    private final StaffRepository staff;
    private final PasswordEncoder passwordEncoder;
    private final UsernameCheck usernames;

    StaffService(StaffRepository staff, PasswordEncoder passwordEncoder, UsernameCheck usernames) {
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.usernames = usernames;
    }

    @Transactional(readOnly = true)
    Page<Staff> search(String query, Boolean active, Pageable pageable) {
        String pattern = query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase() + "%";
        return staff.search(pattern, active, pageable);
    }

    @Transactional(readOnly = true)
    Staff get(long id) {
        return staff.findById(id).orElseThrow(() -> new NotFoundException("Staff", id));
    }

    @Transactional(readOnly = true)
    boolean usernameTaken(String username) {
        return usernames.taken(username);
    }

    Staff create(StaffForm form) {
        // an owner's login name too: staff accounts are looked up first, so the owner could no longer log in
        if (usernames.taken(form.getUsername())) {
            throw new BusinessRuleException("staff.error.usernameTaken");
        }
        Staff created = new Staff(form.getUsername(), form.getDisplayName(), passwordEncoder.encode(form.getPassword()));
        created.update(form.getDisplayName(), form.getPhone(), form.getEmail(), form.getRoles(), form.isAllSites(), sitesOf(form));
        return staff.save(created);
    }

    /**
     * Creates an account unless the username exists; for start-up data, where the caller has no form.
     */
    public void ensureAccount(String username, String displayName, String rawPassword, Set<Role> roles,
            boolean allSites, Collection<Long> siteIds) {
        if (staff.existsByUsername(username)) {
            return;
        }
        Staff created = new Staff(username, displayName, passwordEncoder.encode(rawPassword));
        created.update(displayName, null, null, roles, allSites, siteIds);
        staff.save(created);
    }

    void update(long id, StaffForm form) {
        staff.lockActiveWithRole(Role.ADMIN);
        Staff account = get(id);
        BusinessRuleException.requireVersion(form.getVersion(), account.getVersion());
        boolean wasAdmin = account.isActiveAdmin();
        account.update(form.getDisplayName(), form.getPhone(), form.getEmail(), form.getRoles(), form.isAllSites(), sitesOf(form));
        if (wasAdmin && !account.isActiveAdmin()) {
            requireAnotherActiveAdmin();
        }
    }

    void deactivate(long id) {
        staff.lockActiveWithRole(Role.ADMIN);
        Staff account = get(id);
        boolean wasAdmin = account.isActiveAdmin();
        account.deactivate();
        if (wasAdmin) {
            requireAnotherActiveAdmin();
        }
    }

    void activate(long id) {
        get(id).activate();
    }

    void resetPassword(long id, String rawPassword) {
        get(id).changePassword(passwordEncoder.encode(rawPassword));
    }

    private void requireAnotherActiveAdmin() {
        staff.flush();
        if (staff.countActiveWithRole(Role.ADMIN) == 0) {
            throw new BusinessRuleException("staff.error.lastAdmin");
        }
    }

    private static Collection<Long> sitesOf(StaffForm form) {
        return form.isAllSites() ? Set.of() : form.getSiteIds();
    }
}
