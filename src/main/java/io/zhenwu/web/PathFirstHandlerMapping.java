package io.zhenwu.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds a request's handler among the mappings that can match its path, not among all of them. For a path with
 * variables ({@code /api/v1/cases/{id}/transitions/{name}}) Spring MVC tries every registered mapping — about a hundred
 * and fifty here — checking its method and headers through each request wrapper of the security chain before its path:
 * 18 % of a case transition's CPU in the JFR profile of {@code bench/run.sh}. A path that does not start with a pattern's
 * text before its first variable or wildcard (its <em>literal start</em>) cannot match it, so this mapping keeps the
 * mappings by literal start and tries only those whose start the path begins with (session 7: the walk over all
 * mappings with a cheap path check in front was still 7 % of the request threads' CPU).
 *
 * <p>The answer is Spring's own: a path with a mapping of its own ("direct path"), with percent-escapes or matrix
 * variables (the patterns match decoded segments without {@code ;…}), a CORS pre-flight, no match, and two equally good
 * matches (an error) all go to Spring's lookup, which also reports them; {@code PathFirstHandlerMappingIT} compares the
 * two lookups for every mapping of the application.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The mappings by literal start, and their handler methods; rebuilt on first use after a (un)registration. */
    private volatile Index index;
    /** Counts (un)registrations, so that an index built while one happened is not kept. */
    private final AtomicLong changes = new AtomicLong();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        forgetIndex();
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        forgetIndex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        forgetIndex();
    }

    private void forgetIndex() {
        changes.incrementAndGet();
        index = null;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        // the raw path: Spring's lookup path has had its matrix variables (;…) removed
        HandlerMethod found = byLiteralStart(rawPath(request), lookupPath, request);
        return found != null ? found : springLookup(lookupPath, request);
    }

    private static String rawPath(HttpServletRequest request) {
        return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    }

    /** Spring MVC's own lookup over every registered mapping. */
    HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    /**
     * The single best match among the mappings whose literal start the path begins with, or null where Spring's lookup
     * must answer (see the class comment).
     */
    private HandlerMethod byLiteralStart(String path, String lookupPath, HttpServletRequest request) {
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return null;
        }
        Index current = index();
        if (current.directPaths.contains(lookupPath)) {
            return null;
        }
        RequestMappingInfo best = null;
        RequestMappingInfo bestRegistered = null;
        Comparator<RequestMappingInfo> comparator = null;
        boolean tie = false;
        for (RequestMappingInfo registered : current.candidates(path)) {
            RequestMappingInfo match = matchingMapping(registered, request);
            if (match == null) {
                continue;
            }
            if (best == null) {
                best = match;
                bestRegistered = registered;
                continue;
            }
            if (comparator == null) {
                comparator = getMappingComparator(request);
            }
            int order = comparator.compare(match, best);
            if (order < 0) {
                best = match;
                bestRegistered = registered;
                tie = false;
            } else if (order == 0) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return null; // no match (404, 405, 415…) or an ambiguous one: Spring says which
        }
        HandlerMethod handlerMethod = current.handlerMethods.get(bestRegistered);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handlerMethod);
        handleMatch(best, lookupPath, request);
        return handlerMethod;
    }

    /** In Spring's own lookup (direct paths, and the walk over every mapping when nothing matched): the start first. */
    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        List<String> starts = index().startsOf.get(info);
        if (starts != null && !mayMatch(rawPath(request), starts)) {
            return null;
        }
        return matchingMapping(info, request);
    }

    /** Spring's check of every condition, the path's first. */
    private RequestMappingInfo matchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns != null && patterns.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            long before = changes.get();
            current = new Index(getHandlerMethods());
            if (changes.get() == before) {
                index = current; // not if a (un)registration raced the build: the next lookup builds again
            }
        }
        return current;
    }

    /**
     * Whether the raw path starts with one of the literal starts. A path with percent-escapes or matrix variables is
     * left to the patterns, which match the decoded segments without {@code ;…}.
     */
    static boolean mayMatch(String path, List<String> starts) {
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

    private static List<String> literalStarts(PathPatternsRequestCondition patterns) {
        return patterns.getPatterns().stream().map(PathPattern::getPatternString).map(PathFirstHandlerMapping::literalStart).toList();
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

    /** The registered mappings by literal start, the direct paths, and each mapping's handler method. */
    static final class Index {

        /** The lengths of the literal starts, ascending: a path's candidates are under its prefixes of these lengths. */
        private final int[] lengths;
        private final Map<String, List<RequestMappingInfo>> byStart = new HashMap<>();
        /** Mappings without path patterns: candidates for every path. */
        private final List<RequestMappingInfo> everywhere = new ArrayList<>();
        private final Set<String> directPaths = new HashSet<>();
        private final Map<RequestMappingInfo, HandlerMethod> handlerMethods;
        /** Each registered mapping's literal starts, by identity ({@link RequestMappingInfo#hashCode()} is not cheap). */
        private final Map<RequestMappingInfo, List<String>> startsOf = new IdentityHashMap<>();

        Index(Map<RequestMappingInfo, HandlerMethod> registered) {
            handlerMethods = new IdentityHashMap<>(registered);
            TreeSet<Integer> sizes = new TreeSet<>();
            for (RequestMappingInfo info : registered.keySet()) {
                PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
                if (patterns == null) {
                    everywhere.add(info);
                    continue;
                }
                directPaths.addAll(patterns.getDirectPaths());
                List<String> starts = literalStarts(patterns);
                startsOf.put(info, starts);
                for (String start : new HashSet<>(starts)) {
                    byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(info);
                    sizes.add(start.length());
                }
            }
            lengths = sizes.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The mappings whose literal start the path begins with (a mapping once, even if two of its patterns qualify). */
        List<RequestMappingInfo> candidates(String path) {
            List<RequestMappingInfo> found = new ArrayList<>(everywhere);
            for (int length : lengths) {
                if (length > path.length()) {
                    break;
                }
                List<RequestMappingInfo> under = byStart.get(path.substring(0, length));
                if (under != null) {
                    for (RequestMappingInfo info : under) {
                        if (!containsSame(found, info)) {
                            found.add(info);
                        }
                    }
                }
            }
            return found;
        }

        private static boolean containsSame(List<RequestMappingInfo> list, RequestMappingInfo info) {
            for (RequestMappingInfo present : list) {
                if (present == info) {
                    return true;
                }
            }
            return false;
        }
    }
}
