package org.propertydesk.requests;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reply templates: managed by admins and managers, offered at intake for inquiries with the caller's details filled in.
 */
@Service
@Transactional
class ReplyTemplates {

    private final ReplyTemplateRepository templates;
    private final RequestCategoryRepository categories;
    private final RecordsDirectory records;

    ReplyTemplates(ReplyTemplateRepository templates, RequestCategoryRepository categories, RecordsDirectory records) {
        this.templates = templates;
        this.categories = categories;
        this.records = records;
    }

    record Filled(Long id, String title, String text) {
    }

    @Transactional(readOnly = true)
    List<Filled> filledFor(String categoryCode, Long customerId, Long houseId, Long siteId, Locale locale) {
        Map<String, String> values = new HashMap<>();
        if (customerId != null) {
            records.customer(customerId, CurrentUser.siteScope()).ifPresent(c -> {
                values.put("customerName", c.name());
                values.put("phone", PhoneNumbers.display(c.primaryPhone()));
            });
        }
        if (houseId != null) {
            records.house(houseId, CurrentUser.siteScope()).ifPresent(h -> {
                values.put("house", h.code());
                values.put("site", h.siteName());
            });
        }
        if (!values.containsKey("site") && siteId != null) {
            records.site(siteId).ifPresent(s -> values.put("site", s.name()));
        }
        String language = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "zh-CN" : "en";
        return templates.findForCategory(categoryCode, language).stream()
                .map(t -> new Filled(t.getId(), t.getTitle(), t.fill(values)))
                .toList();
    }

    @Transactional(readOnly = true)
    List<ReplyTemplate> all() {
        return templates.findAllForAdmin();
    }

    @Transactional(readOnly = true)
    ReplyTemplate get(long id) {
        return templates.findWithCategoryById(id).orElseThrow(() -> new NotFoundException("Template", id));
    }

    ReplyTemplate save(Long id, ReplyTemplateForm form) {
        RequestCategory category = form.getCategoryCode() == null || form.getCategoryCode().isBlank() ? null
                : categories.findByCode(form.getCategoryCode())
                        .orElseThrow(() -> new BusinessRuleException("request.error.categoryNotFound"));
        if (id == null) {
            return templates.save(new ReplyTemplate(category, form.getTitle(), form.getBody(), form.getLanguage()));
        }
        ReplyTemplate template = get(id);
        template.update(category, form.getTitle(), form.getBody(), form.getLanguage(), form.isActive());
        return template;
    }
}
