package org.propertydesk.support;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One browser's session across MockMvc calls. Sessions live in the database (Spring Session), found by the
 * {@code SESSION} cookie, so a {@code MockHttpSession} is not the session the app sees: like a browser, this keeps the
 * cookie the app set and sends it back. Use {@code .with(session)} on each request and {@code .andDo(session)} after it.
 */
public final class BrowserSession implements RequestPostProcessor, ResultHandler {

    public static final String COOKIE = "SESSION";

    private Cookie cookie;

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (cookie != null) {
            Cookie[] existing = request.getCookies();
            Cookie[] cookies = existing == null ? new Cookie[1] : Arrays.copyOf(existing, existing.length + 1);
            cookies[cookies.length - 1] = cookie;
            request.setCookies(cookies);
        }
        return request;
    }

    @Override
    public void handle(MvcResult result) {
        Cookie set = result.getResponse().getCookie(COOKIE);
        if (set != null) {
            cookie = set.getMaxAge() == 0 ? null : new Cookie(COOKIE, set.getValue());
        }
    }

    /**
     * The next request of the browser that made {@code redirect}: it carries the session cookie the app set, so that the
     * page it lands on shows the flash message the redirect left in the session.
     */
    public static BrowserSession following(MvcResult redirect) {
        BrowserSession session = new BrowserSession();
        session.handle(redirect);
        return session;
    }

    /** Whether the app has given this browser a session yet. */
    public boolean started() {
        return cookie != null;
    }
}
