package io.zhenwu.security;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.MissingScopeException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method declare {@code DataScope scope} or {@code Actor actor} and receive the caller's. No
 * scope (anonymous, broken account) raises {@link MissingScopeException}, answered 403 — never "all data".
 */
class ScopeArgumentResolver implements HandlerMethodArgumentResolver {

    private final CurrentActor currentActor;

    ScopeArgumentResolver(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DataScope.class || parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Actor actor = currentActor.current().orElseThrow(MissingScopeException::new);
        return parameter.getParameterType() == DataScope.class ? actor.scope() : actor;
    }
}
