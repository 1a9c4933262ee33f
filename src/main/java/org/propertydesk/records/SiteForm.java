package org.propertydesk.records;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class SiteForm {

    /** The version the form was filled from, so that saving over someone else's change is refused. */
    private Long version;


    @NotBlank
    @Size(max = 32)
    @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{site.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 100)
    private String name;

    @Size(max = 300)
    private String address;

    @NotNull
    private PropertyType propertyType = PropertyType.RESIDENTIAL;

    static SiteForm of(Site site) {
        SiteForm form = new SiteForm();
        form.version = site.getVersion();
        form.code = site.getCode();
        form.name = site.getName();
        form.address = site.getAddress();
        form.propertyType = site.getPropertyType();
        return form;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.trim().toUpperCase();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address == null || address.isBlank() ? null : address.trim();
    }

    public PropertyType getPropertyType() {
        return propertyType;
    }

    public void setPropertyType(PropertyType propertyType) {
        this.propertyType = propertyType;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
