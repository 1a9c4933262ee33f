package org.propertydesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.EntityGraph;

/**
 * Conventions for repository queries that keep the hot paths cheap.
 */
class QueryConventionsTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.propertydesk");

    /**
     * Hibernate does not cache the translation of a query run with an entity graph: it turned the query into SQL
     * again at every call, 10 to 20 % of the CPU of the intake and the request page in the benchmark.
     */
    @Test
    void associationsAreFetchedByJoinFetchNotByEntityGraph() {
        noMethods().should().beAnnotatedWith(EntityGraph.class)
                .because("Hibernate translates a query with an entity graph anew at every call; write `join fetch`")
                .check(classes);
    }
}
