package org.propertydesk.staff;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.propertydesk.shared.security.Role;

/**
 * What an admin fills in to create or edit a staff account. The password is asked for only when creating.
 */
class StaffForm {

    /** The version the form was filled from, so that saving over someone else's change is refused. */
    private Long version;


    @NotBlank
    @Size(min = 3, max = 64)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{staff.username.pattern}")
    private String username;

    @NotBlank
    @Size(max = 100)
    private String displayName;

    @Size(max = 20)
    @Pattern(regexp = "[0-9+\\-\\s]*", message = "{validation.phone}")
    private String phone;

    @Email
    @Size(max = 200)
    private String email;

    @NotEmpty
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private boolean allSites;

    private Set<Long> siteIds = new HashSet<>();

    @Size(max = 100)
    private String password;

    static StaffForm of(Staff staff) {
        StaffForm form = new StaffForm();
        form.version = staff.getVersion();
        form.username = staff.getUsername();
        form.displayName = staff.getDisplayName();
        form.phone = staff.getPhone();
        form.email = staff.getEmail();
        form.roles = EnumSet.noneOf(Role.class);
        form.roles.addAll(staff.getRoles());
        form.allSites = staff.isAllSites();
        form.siteIds = new HashSet<>(staff.getSiteIds());
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.trim();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? null : displayName.trim();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.trim();
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public boolean isAllSites() {
        return allSites;
    }

    public void setAllSites(boolean allSites) {
        this.allSites = allSites;
    }

    public Set<Long> getSiteIds() {
        return siteIds;
    }

    public void setSiteIds(Set<Long> siteIds) {
        this.siteIds = siteIds == null ? new HashSet<>() : siteIds;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
