package org.propertydesk.requests;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.propertydesk.support.ClockedIntegrationTest;

/**
 * The Spring setup of the service-request integration tests: the shared {@link ClockedIntegrationTest} context, with
 * {@link RequestsTestData} to build sites, houses, customers and requests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ClockedIntegrationTest
@interface RequestsIntegrationTest {
}
