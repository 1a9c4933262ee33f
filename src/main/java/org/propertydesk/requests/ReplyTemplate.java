package org.propertydesk.requests;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;

/**
 * A reply template (话术模板): the answer to a common inquiry, with fields such as {customerName}, {house} and
 * {site} that intake fills in from the caller's records.
 */
@Entity
@Table(name = "reply_template")
class ReplyTemplate extends Audited {

    static final String[] FIELDS = {"customerName", "house", "site", "phone"};

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private RequestCategory category;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private boolean active = true;

    protected ReplyTemplate() {
    }

    ReplyTemplate(RequestCategory category, String title, String body, String language) {
        update(category, title, body, language, true);
    }

    void update(RequestCategory category, String title, String body, String language, boolean active) {
        this.category = category;
        this.title = title;
        this.body = body;
        this.language = language;
        this.active = active;
    }

    /** The body with each {field} replaced by the caller's value; a field without a value becomes empty. */
    String fill(Map<String, String> values) {
        String text = body;
        for (String field : FIELDS) {
            String value = values.get(field);
            text = text.replace("{" + field + "}", value == null ? "" : value);
        }
        return text;
    }

    public Long getId() {
        return id;
    }

    public RequestCategory getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isActive() {
        return active;
    }
}
