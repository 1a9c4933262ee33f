package org.propertydesk.requests;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring setup of the service-request integration tests: the whole application on its own embedded
 * PostgreSQL, driven through MockMvc, with a {@link MutableClock} the tests set and move forward. Every Spring test
 * of this package uses exactly this annotation, so they share one context and one database; each test creates its
 * own sites, houses and customers and asserts only on them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import(RequestsTestConfiguration.class)
@interface RequestsIntegrationTest {
}
