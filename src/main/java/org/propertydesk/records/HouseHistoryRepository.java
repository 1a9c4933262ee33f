package org.propertydesk.records;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HouseHistoryRepository extends JpaRepository<HouseHistoryEntry, Long> {

    @Query("select e from HouseHistoryEntry e where e.house.id = :houseId order by e.entryDate desc, e.id desc")
    List<HouseHistoryEntry> findByHouse(Long houseId);
}
