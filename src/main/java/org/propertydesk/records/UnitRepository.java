package org.propertydesk.records;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByBuildingIdAndCode(Long buildingId, String code);
}
