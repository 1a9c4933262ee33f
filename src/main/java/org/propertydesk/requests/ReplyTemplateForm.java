package org.propertydesk.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class ReplyTemplateForm {

    private String categoryCode;

    @NotBlank
    @Size(max = 100)
    private String title;

    @NotBlank
    @Size(max = 2000)
    private String body;

    @NotBlank
    @Pattern(regexp = "zh-CN|en", message = "{template.language.invalid}")
    private String language = "zh-CN";

    private boolean active = true;

    static ReplyTemplateForm of(ReplyTemplate template) {
        ReplyTemplateForm form = new ReplyTemplateForm();
        form.categoryCode = template.getCategory() == null ? null : template.getCategory().getCode();
        form.title = template.getTitle();
        form.body = template.getBody();
        form.language = template.getLanguage();
        form.active = template.isActive();
        return form;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? null : title.trim();
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? null : body.trim();
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
