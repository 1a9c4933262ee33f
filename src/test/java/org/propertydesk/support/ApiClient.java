package org.propertydesk.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Calls the JSON API the way an integration does: a bearer token from {@code POST /api/v1/auth/token}, then
 * {@code Authorization: Bearer …} on every call.
 */
public final class ApiClient {

    private ApiClient() {
    }

    /** A token for a real staff account (see {@code StaffFixtures}), obtained through the token endpoint. */
    public static String token(MockMvc mvc, String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json("username", username, "password", password)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.accessToken");
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** Sends the call from this client address, so that throttling tests do not block each other. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A flat JSON object from name, value pairs; strings are quoted, numbers and booleans not, null stays null. */
    public static String json(Object... namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(namesAndValues[i]).append("\":");
            Object value = namesAndValues[i + 1];
            json.append(value == null || value instanceof Number || value instanceof Boolean ? String.valueOf(value)
                    : "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return json.append('}').toString();
    }
}
