package org.propertydesk.requests;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/**
 * A node of the admin-managed category tree (plumbing › blocked drain): its default priority, the skill a technician
 * needs for it, and whether it is normally a paid special service.
 */
@Entity
@Table(name = "request_category")
class RequestCategory extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private RequestCategory parent;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_priority", nullable = false)
    private Priority defaultPriority;

    private String skill;

    @Column(name = "special_service", nullable = false)
    private boolean specialService;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected RequestCategory() {
    }

    RequestCategory(String code, RequestCategory parent, String nameZh, String nameEn, Priority defaultPriority,
            String skill, boolean specialService, int sortOrder) {
        this.code = code;
        this.parent = parent;
        update(nameZh, nameEn, defaultPriority, skill, specialService, sortOrder, true);
    }

    void update(String nameZh, String nameEn, Priority defaultPriority, String skill, boolean specialService,
            int sortOrder, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.defaultPriority = defaultPriority;
        this.skill = skill == null || skill.isBlank() ? null : skill.trim().toUpperCase(Locale.ROOT);
        this.specialService = specialService;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    public String name(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public RequestCategory getParent() {
        return parent;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Priority getDefaultPriority() {
        return defaultPriority;
    }

    public String getSkill() {
        return skill;
    }

    public boolean isSpecialService() {
        return specialService;
    }

    public boolean isActive() {
        return active;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
