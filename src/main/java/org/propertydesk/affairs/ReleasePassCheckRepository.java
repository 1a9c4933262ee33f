package org.propertydesk.affairs;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReleasePassCheckRepository extends JpaRepository<ReleasePassCheck, Long> {

    List<ReleasePassCheck> findByPassIdOrderByCheckedAtAscIdAsc(Long passId);
}
