package org.propertydesk.affairs;

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
 * Turns a bill upload over the size limit back to the import page with a message, as the records import does:
 * Tomcat refuses such a request when the CSRF check reads a parameter, before any controller could answer, so the
 * check runs ahead of security, on the declared length.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class BillImportUploadLimit extends OncePerRequestFilter {

    private static final long FORM_FIELDS_ALLOWANCE = 64 * 1024;

    private final long maxFileSize;

    BillImportUploadLimit(MultipartConfigElement multipart) {
        this.maxFileSize = multipart.getMaxFileSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return maxFileSize < 0 || !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + BillImportController.PATH);
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
        flash.setTargetRequestPath(request.getContextPath() + BillImportController.PATH);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + BillImportController.PATH);
    }
}
