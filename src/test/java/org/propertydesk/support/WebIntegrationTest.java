package org.propertydesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one Spring test setup of the suite: the whole application on its own embedded PostgreSQL, driven through
 * MockMvc. Every integration test uses exactly this annotation and nothing else that changes the context (no mocked
 * beans, no extra properties), so Spring starts one context and one database for the whole run.
 * Tests share that database: each creates its own data with unique codes and asserts only on it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
public @interface WebIntegrationTest {
}
