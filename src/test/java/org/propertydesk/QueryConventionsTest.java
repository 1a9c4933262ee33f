package org.propertydesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.Collection;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

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

    /**
     * Nor does it keep the plan of a query with a list parameter ({@code x in :ids}): a tenth of the dispatcher
     * board's CPU went to translating such queries. Ids go to a query as one array parameter,
     * {@code array_has(:ids, x)}; a default method may take a collection and pass it on as an array.
     */
    @Test
    void repositoryQueriesTakeIdsAsAnArrayNotAList() {
        methods().that().areDeclaredInClassesThat().areAssignableTo(Repository.class)
                .and().areDeclaredInClassesThat().areInterfaces()
                .should(new ArchCondition<>("take ids as Long[] unless they are default methods") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean query = method.getModifiers().contains(JavaModifier.ABSTRACT);
                        for (JavaType type : method.getParameterTypes()) {
                            if (query && listOfLongs(type)) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                        + " takes a list of ids; write array_has(:ids, x) and take Long[]"));
                            }
                        }
                    }
                })
                .check(classes);
    }

    private static boolean listOfLongs(JavaType type) {
        return type instanceof JavaParameterizedType parameterized
                && parameterized.toErasure().isAssignableTo(Collection.class)
                && parameterized.getActualTypeArguments().stream()
                        .anyMatch(argument -> argument.toErasure().isEquivalentTo(Long.class));
    }
}
