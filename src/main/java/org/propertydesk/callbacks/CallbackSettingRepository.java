package org.propertydesk.callbacks;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CallbackSettingRepository extends JpaRepository<CallbackSetting, Long> {

    Optional<CallbackSetting> findBySiteId(Long siteId);

    @Query("select s from CallbackSetting s where s.siteId is null")
    CallbackSetting findDefault();

    List<CallbackSetting> findAllByOrderBySiteIdAsc();

    /** The site's own setting, or else the company default. */
    default CallbackSetting effective(Long siteId) {
        return findBySiteId(siteId).orElseGet(this::findDefault);
    }
}
