package io.zhenwu.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tries a mapping's path before its method, parameters, headers and media types. For a path with variables
 * ({@code /api/v1/cases/{id}/transitions/{name}}) Spring MVC tries every mapping that has variables — about a hundred
 * here — and checks the path last, after reading the method and headers through each request wrapper of the security
 * chain every time: 18 % of a case transition's CPU in the JFR profile of {@code bench/run.sh}. A mapping whose path
 * does not match never matches, so the answer is the same; only the order of the checks changes.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns != null && patterns.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
