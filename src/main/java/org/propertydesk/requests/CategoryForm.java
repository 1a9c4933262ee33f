package org.propertydesk.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class CategoryForm {

    private Long version;

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "[A-Z0-9_]*", message = "{category.code.pattern}")
    private String code;

    private String parentCode;

    @NotBlank
    @Size(max = 100)
    private String nameZh;

    @NotBlank
    @Size(max = 100)
    private String nameEn;

    @NotNull
    private Priority defaultPriority = Priority.NORMAL;

    @Size(max = 40)
    @Pattern(regexp = "[A-Za-z0-9_]*", message = "{category.skill.pattern}")
    private String skill;

    private boolean specialService;

    @Min(0)
    @Max(100000)
    private int sortOrder = 500;

    private boolean active = true;

    static CategoryForm of(RequestCategory category) {
        CategoryForm form = new CategoryForm();
        form.version = category.getVersion();
        form.code = category.getCode();
        form.parentCode = category.getParent() == null ? null : category.getParent().getCode();
        form.nameZh = category.getNameZh();
        form.nameEn = category.getNameEn();
        form.defaultPriority = category.getDefaultPriority();
        form.skill = category.getSkill();
        form.specialService = category.isSpecialService();
        form.sortOrder = category.getSortOrder();
        form.active = category.isActive();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.trim().toUpperCase();
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode == null || parentCode.isBlank() ? null : parentCode;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh == null ? null : nameZh.trim();
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn == null ? null : nameEn.trim();
    }

    public Priority getDefaultPriority() {
        return defaultPriority;
    }

    public void setDefaultPriority(Priority defaultPriority) {
        this.defaultPriority = defaultPriority;
    }

    public String getSkill() {
        return skill;
    }

    public void setSkill(String skill) {
        this.skill = skill;
    }

    public boolean isSpecialService() {
        return specialService;
    }

    public void setSpecialService(boolean specialService) {
        this.specialService = specialService;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
