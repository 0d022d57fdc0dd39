package io.zhenwu.cli;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

import java.util.function.Supplier;

/**
 * picocli factory that builds leaf commands with constructor injection from the Spring context. Commands (and
 * picocli's own helpers) with a no-argument constructor are made without Spring, so help never starts it.
 */
final class SpringCommandFactory implements CommandLine.IFactory {

    private final Supplier<? extends ApplicationContext> context;

    SpringCommandFactory(Supplier<? extends ApplicationContext> context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (needsSpring(type)) {
            // createBean: a prototype-like instance with its constructor autowired; nothing is registered in the context.
            return context.get().getAutowireCapableBeanFactory().createBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }

    private static boolean needsSpring(Class<?> type) {
        if (!type.getPackageName().equals(SpringCommandFactory.class.getPackageName())) {
            return false;
        }
        for (var constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 0) {
                return false;
            }
        }
        return true;
    }
}
