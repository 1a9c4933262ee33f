package org.propertydesk.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.propertydesk.support.ClockedIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code array_has(:values, x)}: x is one of an array of values, bound as one parameter. */
@ClockedIntegrationTest
class QueryFunctionsTest {

    @Autowired
    EntityManagerFactory entityManagers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void selectsExactlyTheRowsWhoseValueIsAmongTheValues() {
        String prefix = "F" + UUID.randomUUID().toString().substring(0, 8);
        long first = site(prefix + "-1");
        site(prefix + "-2");
        long third = site(prefix + "-3");
        String query = "select s.code from Site s where array_has(:ids, s.id) order by s.code";

        assertThat(codes(query, new Long[] {third, first, -1L})).containsExactly(prefix + "-1", prefix + "-3");
        assertThat(codes(query, new Long[] {first})).containsExactly(prefix + "-1");
        assertThat(codes(query, new Long[0])).isEmpty();
    }

    /** Which is what it is for: Hibernate keeps no plan of a query with a list parameter, and translates it at every call. */
    @Test
    void hibernateKeepsThePlanOfTheQueryWhereAListParameterLeavesNone() {
        long site = site("P" + UUID.randomUUID().toString().substring(0, 8));
        String asArray = "select s.code from Site s where array_has(:ids, s.id) and s.code like 'P%'";
        String asList = "select s.code from Site s where s.id in :ids and s.code like 'P%'";

        int plans = plans();
        codes(asArray, new Long[] {site, -1L});
        assertThat(plans()).isEqualTo(plans + 1);
        codes(asArray, new Long[] {site, -1L, -2L});
        assertThat(plans()).isEqualTo(plans + 1);
        codes(asList, List.of(site, -1L));
        assertThat(plans()).isEqualTo(plans + 1);
    }

    private int plans() {
        return entityManagers.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }

    private List<String> codes(String hql, Object ids) {
        EntityManager entityManager = entityManagers.createEntityManager();
        try {
            return entityManager.createQuery(hql, String.class).setParameter("ids", ids).getResultList();
        } finally {
            entityManager.close();
        }
    }

    private long site(String code) {
        return jdbc.sql("""
                insert into site (code, name, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :code, 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).query(Long.class).single();
    }
}
