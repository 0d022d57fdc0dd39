package io.zhenwu.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Loads the demo town on the first start of an empty installation when {@code zhenwu.demo.enabled=true}. */
@Component
@ConditionalOnProperty(name = "zhenwu.demo.enabled", havingValue = "true")
class DemoStartup {

    private final DemoData demo;

    DemoStartup(DemoData demo) {
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadIfEmpty() {
        if (demo.installationEmpty()) {
            demo.load();
        }
    }
}
