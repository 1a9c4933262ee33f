package org.propertydesk.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Where a Docker engine runs, every test context uses one shared {@code postgres:17} container instead of the
 * embedded server; without Docker (as on the CI machines) nothing changes. Set {@code PROPERTYDESK_TEST_DB=embedded}
 * to keep the embedded server even where Docker exists.
 */
public class TestcontainersDatabase implements ContextCustomizerFactory {

    private static PostgreSQLContainer<?> container;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        if (!useContainer()) {
            return null;
        }
        return new Customizer();
    }

    private static boolean useContainer() {
        if ("embedded".equalsIgnoreCase(System.getenv("PROPERTYDESK_TEST_DB"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static synchronized PostgreSQLContainer<?> container() {
        if (container == null) {
            container = new PostgreSQLContainer<>("postgres:17");
            container.start();
        }
        return container;
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            PostgreSQLContainer<?> postgres = container();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testcontainers-postgres",
                    Map.of(
                            "spring.datasource.url", postgres.getJdbcUrl(),
                            "spring.datasource.username", postgres.getUsername(),
                            "spring.datasource.password", postgres.getPassword(),
                            "spring.flyway.clean-disabled", "false")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
