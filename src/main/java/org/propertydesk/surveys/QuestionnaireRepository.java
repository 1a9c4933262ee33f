package org.propertydesk.surveys;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuestionnaireRepository extends JpaRepository<Questionnaire, Long> {

    @Query("select q.id from Questionnaire q where q.status = 'DRAFT' and q.opensOn <= :today and q.closesOn >= :today")
    List<Long> findDueToOpen(LocalDate today);

    @Query("select q.id from Questionnaire q where q.status = 'OPEN' and q.closesOn < :today")
    List<Long> findDueToClose(LocalDate today);
}
