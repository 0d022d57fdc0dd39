package io.zhenwu.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tries a mapping's path before its method, parameters, headers and media types, and its literal start before its
 * whole pattern. For a path with variables ({@code /api/v1/cases/{id}/transitions/{name}}) Spring MVC tries every
 * mapping that has variables — about a hundred here — and checks the path last, after reading the method and headers
 * through each request wrapper of the security chain every time: 18 % of a case transition's CPU in the JFR profile of
 * {@code bench/run.sh}; matching the remaining patterns was still 8 % (async-profiler). A mapping whose path does not
 * match never matches, and a path that does not start with a pattern's text before its first variable or wildcard
 * cannot match it, so the answer is the same; only the order and cost of the checks change.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /**
     * The literal starts of each registered mapping, by identity (the lookup iterates the registered instances, and
     * {@link RequestMappingInfo#hashCode()} is not cheap). Copied on write: mappings are registered at start-up.
     */
    private volatile Map<RequestMappingInfo, String[]> literalStarts = new IdentityHashMap<>();

    /**
     * The path of the lookup in progress on this thread. Reading it from the request in each of about a hundred
     * {@link #getMatchingMapping} calls went through every wrapper of the security chain (a request attribute) and
     * cost half of the handler lookup.
     */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        if (mapping.getPathPatternsCondition() != null) {
            synchronized (this) {
                Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(literalStarts);
                copy.put(mapping, literalStarts(mapping));
                literalStarts = copy;
            }
        }
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = LOOKUP_PATH.get();
        LOOKUP_PATH.set(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value());
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                LOOKUP_PATH.remove();
            } else {
                LOOKUP_PATH.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns != null) {
            String[] starts = literalStarts.get(info);
            String path = LOOKUP_PATH.get();
            if (starts != null && !mayMatch(path != null ? path
                    : ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value(), starts)) {
                return null;
            }
            if (patterns.getMatchingCondition(request) == null) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * Whether the raw path starts with one of the literal starts. A path with percent-escapes or matrix variables is
     * left to the patterns, which match the decoded segments without {@code ;…}.
     */
    static boolean mayMatch(String path, String[] starts) {
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return true;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    private static String[] literalStarts(RequestMappingInfo info) {
        return info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                .map(PathFirstHandlerMapping::literalStart).toArray(String[]::new);
    }

    /** A pattern's text before its first variable or wildcard: {@code /api/v1/cases/{id}} → {@code /api/v1/cases/}. */
    static String literalStart(String pattern) {
        int cut = pattern.length();
        for (char c : new char[] {'{', '*', '?'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return pattern.substring(0, cut);
    }
}
