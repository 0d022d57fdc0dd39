package io.zhenwu.shared;

import java.util.List;

/** A module's authorization rules. Every handler mapping must be covered by one (checked by a test). */
public interface EndpointRules {
    List<EndpointRule> rules();
}
