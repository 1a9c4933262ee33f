package org.propertydesk.shared.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the JSON API under {@code /api/v1}: its errors are answered as RFC 9457 problem details
 * ({@code application/problem+json}) by {@link ApiProblemHandler}, instead of the flash messages and error pages of
 * the web pages. Security for {@code /api/**} (bearer tokens, no session, no CSRF) is in {@link ApiSecurityConfiguration};
 * which role may do what stays on the controller with {@code @PreAuthorize}, as for the pages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface ApiController {

    @AliasFor(annotation = RestController.class)
    String value() default "";
}
