package org.propertydesk.records;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.web.Flash;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Turns an import upload over the size limit back to the import page with a message. Tomcat refuses such a request
 * when the first filter reads a parameter (the CSRF check), before any controller or exception handler could answer,
 * so the check runs ahead of security (behind the session filter: the message travels in the session), on the
 * declared length. Only requests Tomcat would refuse anyway are turned
 * back: the allowance covers the form's other fields.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class ImportUploadLimit extends OncePerRequestFilter {

    private static final long FORM_FIELDS_ALLOWANCE = 64 * 1024;

    private final long maxFileSize;

    ImportUploadLimit(MultipartConfigElement multipart) {
        this.maxFileSize = multipart.getMaxFileSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return maxFileSize < 0 || !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/records/import");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= maxFileSize + FORM_FIELDS_ALLOWANCE) {
            chain.doFilter(request, response);
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("flashError", new Flash.FlashMessage("imports.error.tooLarge", new Object[0]));
        flash.setTargetRequestPath(request.getContextPath() + "/records/import");
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + "/records/import");
    }
}
