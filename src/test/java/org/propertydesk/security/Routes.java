package org.propertydesk.security;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, as found at run time, so that a route added tomorrow is tried by the security
 * tests without anyone listing it. A route is called with ids that exist nowhere (or ids the test chooses), random
 * tokens, and a plausible value for each required request parameter, so that the call reaches the controller's own
 * checks instead of stopping at a missing parameter.
 */
final class Routes {

    /** An id no table holds. */
    static final long NOWHERE = 987_654_321L;

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private Routes() {
    }

    /** One method and path of one handler; a handler mapped without methods appears as GET and POST. */
    record Route(HttpMethod method, String pattern, HandlerMethod handler, MediaType consumes) {

        String name() {
            return method.name() + " " + pattern + (consumes == null ? "" : " [" + consumes + "]");
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean changesState() {
            return STATE_CHANGING.contains(method);
        }

        boolean takesVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        boolean under(String prefix) {
            return pattern.equals(prefix) || pattern.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }

        /** The path variables the route takes that are ids (numbers), by name. */
        List<String> idVariables() {
            List<String> names = new ArrayList<>();
            Matcher variable = VARIABLE.matcher(pattern);
            while (variable.find()) {
                if (isNumber(pathVariableType(variable.group(1)))) {
                    names.add(variable.group(1));
                }
            }
            return names;
        }

        /** The route called with ids that exist nowhere. */
        AbstractMockHttpServletRequestBuilder<?> request() {
            return request(name -> NOWHERE);
        }

        /** The route called with the ids the function gives for each id variable (by name), random words elsewhere. */
        AbstractMockHttpServletRequestBuilder<?> request(Function<String, Long> ids) {
            return request(ids, name -> "t" + UUID.randomUUID().toString().replace("-", ""));
        }

        /** The route called with these ids and these values of the other variables (by name). */
        AbstractMockHttpServletRequestBuilder<?> request(Function<String, Long> ids, Function<String, String> words) {
            String path = expand(ids, words);
            AbstractMockHttpServletRequestBuilder<?> builder;
            if (MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(consumes)) {
                builder = MockMvcRequestBuilders.multipart(method, path);
            } else {
                builder = MockMvcRequestBuilders.request(method, path);
            }
            if (consumes != null) {
                builder.contentType(consumes);
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    builder.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                    Class<?> type = parameter.getNestedParameterType();
                    if (Collection.class.isAssignableFrom(type)) {
                        type = ResolvableType.forMethodParameter(parameter).resolveGeneric(0);
                    }
                    String value = type == null ? null : sample(type);
                    String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
                    if (value != null && name != null) {
                        builder.param(name, value);
                    }
                }
            }
            return builder;
        }

        /** Whether the handler reads a JSON body or uploaded parts, which Spring checks before the method's role rules. */
        boolean readsBody() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)) {
                    return true;
                }
            }
            return false;
        }

        private String expand(Function<String, Long> ids, Function<String, String> words) {
            Matcher variable = VARIABLE.matcher(pattern.replace("/**", "/x"));
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                String value = isNumber(pathVariableType(name)) ? String.valueOf(ids.apply(name))
                        : words.apply(name);
                variable.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            variable.appendTail(path);
            return path.toString();
        }

        private Class<?> pathVariableType(String variable) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                if (annotation != null) {
                    String name = StringUtils.hasText(annotation.name()) ? annotation.name() : parameter.getParameterName();
                    if (variable.equals(name)) {
                        return parameter.getNestedParameterType();
                    }
                }
            }
            return String.class;
        }
    }

    static List<Route> of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            List<HttpMethod> methods = declared.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : declared.stream().map(RequestMethod::asHttpMethod).toList();
            Set<MediaType> consumable = info.getConsumesCondition().getConsumableMediaTypes();
            MediaType consumes = consumable.isEmpty() ? null : consumable.iterator().next();
            for (String pattern : info.getPatternValues()) {
                for (HttpMethod method : methods) {
                    routes.add(new Route(method, pattern, entry.getValue(), consumes));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::name));
        return routes;
    }

    private static boolean isNumber(Class<?> type) {
        return type == long.class || type == int.class || Number.class.isAssignableFrom(type);
    }

    private static String sample(Class<?> type) {
        if (MultipartFile.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return null;
        }
        if (isNumber(type)) {
            return String.valueOf(NOWHERE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == LocalDate.class) {
            return "2031-01-06";
        }
        if (type == LocalDateTime.class) {
            return "2031-01-06T08:00";
        }
        if (type == LocalTime.class) {
            return "08:00";
        }
        if (type == YearMonth.class) {
            return "2031-01";
        }
        return "x";
    }
}
