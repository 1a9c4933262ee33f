package org.propertydesk.callbacks;

import java.util.List;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing when callbacks are due and how hard to try. A site's override is edited by whoever serves the site; the
 * company default applies to every site, so only people serving all sites change it.
 */
@Service
@Transactional
class CallbackSettings {

    private final CallbackSettingRepository settings;

    CallbackSettings(CallbackSettingRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    CallbackSetting defaults() {
        return settings.findDefault();
    }

    /** The overrides of the sites the current user serves. */
    @Transactional(readOnly = true)
    List<CallbackSetting> overrides() {
        return settings.findAllByOrderBySiteIdAsc().stream()
                .filter(s -> s.getSiteId() != null && CurrentUser.siteScope().includes(s.getSiteId())).toList();
    }

    @Transactional(readOnly = true)
    CallbackSetting override(long siteId) {
        return settings.findBySiteId(siteId).filter(s -> CurrentUser.siteScope().includes(s.getSiteId()))
                .orElseThrow(() -> new NotFoundException("CallbackSetting", siteId));
    }

    static boolean mayChangeDefault() {
        return CurrentUser.siteScope().allSites();
    }

    void saveDefault(CallbackSettingForm form) {
        if (!mayChangeDefault()) {
            throw new AccessDeniedException("The company default is changed by staff serving all sites");
        }
        CallbackSetting setting = settings.findDefault();
        BusinessRuleException.requireVersion(form.getVersion(), setting.getVersion());
        form.applyTo(setting);
    }

    CallbackSetting addOverride(CallbackSettingForm form) {
        Long siteId = form.getSiteId();
        if (siteId == null || !CurrentUser.siteScope().includes(siteId)) {
            throw new BusinessRuleException("callbackSetting.error.site");
        }
        if (settings.findBySiteId(siteId).isPresent()) {
            throw new BusinessRuleException("callbackSetting.error.siteTaken");
        }
        CallbackSetting setting = new CallbackSetting(siteId);
        form.applyTo(setting);
        return settings.save(setting);
    }

    void updateOverride(long siteId, CallbackSettingForm form) {
        CallbackSetting setting = override(siteId);
        BusinessRuleException.requireVersion(form.getVersion(), setting.getVersion());
        form.applyTo(setting);
    }

    void removeOverride(long siteId, Long version) {
        CallbackSetting setting = override(siteId);
        BusinessRuleException.requireVersion(version, setting.getVersion());
        settings.delete(setting);
    }
}
