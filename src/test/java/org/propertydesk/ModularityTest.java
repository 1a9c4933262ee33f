package org.propertydesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Modules talk only through each other's public API and events; this fails the build when one reaches into another.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PropertyDeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
