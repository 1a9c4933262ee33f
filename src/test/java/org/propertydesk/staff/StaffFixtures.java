package org.propertydesk.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.shared.security.Role;
import org.springframework.context.ApplicationContext;

/**
 * Staff accounts for tests, created through {@link StaffService} with real (encoded) passwords, so they can log in.
 */
public final class StaffFixtures {

    public static final String PASSWORD = "correct horse 8";

    private final StaffService staff;
    private final StaffRepository accounts;

    public StaffFixtures(ApplicationContext context) {
        this.staff = context.getBean(StaffService.class);
        this.accounts = context.getBean(StaffRepository.class);
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "." + RecordsFixtures.unique().toLowerCase();
    }

    /** An active account with these roles serving these sites (all sites when none are given); returns its id. */
    public long account(String username, Set<Role> roles, Collection<Long> siteIds) {
        StaffForm form = new StaffForm();
        form.setUsername(username);
        form.setDisplayName("测试 " + username);
        form.setPassword(PASSWORD);
        form.setRoles(EnumSet.copyOf(roles));
        form.setAllSites(siteIds.isEmpty());
        form.setSiteIds(new HashSet<>(siteIds));
        return staff.create(form).getId();
    }

    public long account(Set<Role> roles) {
        return account(uniqueUsername(roles.iterator().next().name().toLowerCase()), roles, Set.of());
    }

    public boolean isActive(long id) {
        return accounts.findById(id).orElseThrow().isActive();
    }

    public Set<Role> rolesOf(long id) {
        return Set.copyOf(accounts.findById(id).orElseThrow().getRoles());
    }

    public long count() {
        return accounts.count();
    }
}
