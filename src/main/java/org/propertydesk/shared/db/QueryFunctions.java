package org.propertydesk.shared.db;

import java.util.List;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.function.array.AbstractArrayContainsFunction;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * HQL functions of our own, registered with Hibernate through {@code META-INF/services}.
 */
public class QueryFunctions implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().register("array_has", new ArrayHas(functions.getTypeConfiguration()));
    }

    /**
     * {@code array_has(:values, x)}: x is one of the values, bound as one array parameter, rendered
     * {@code x = any(?)}.
     * <p>
     * With a list parameter ({@code x in :values}) Hibernate keeps no plan of the query: it translates it to SQL
     * again at every call, a tenth of the CPU of pages that read the records of a list of ids, such as the
     * dispatcher board. An array parameter keeps the SQL the same whatever the number of values, so the plan is
     * kept. Hibernate's own {@code array_contains} knows the parameter is an array before any value is bound (which
     * is what lets the plan be kept: an untyped parameter given an array is taken for a list), but renders
     * {@code array_position(?, x) is not null}, which no index serves; this is the same function rendered so that
     * PostgreSQL reads the index on x.
     */
    static final class ArrayHas extends AbstractArrayContainsFunction {

        ArrayHas(TypeConfiguration types) {
            super(false, types);
        }

        @Override
        public void render(SqlAppender sql, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
                SqlAstTranslator<?> walker) {
            sql.append('(');
            arguments.get(1).accept(walker);
            sql.append(" = any(");
            arguments.get(0).accept(walker);
            sql.append("))");
        }
    }
}
