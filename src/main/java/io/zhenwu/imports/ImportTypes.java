package io.zhenwu.imports;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link ImportType} the modules contribute, by code. */
@Component
public class ImportTypes {

    private final Map<String, ImportType<?>> byCode = new LinkedHashMap<>();

    ImportTypes(List<ImportType<?>> types) {
        types.stream().sorted(Comparator.comparing(ImportType::code)).forEach(t -> {
            if (byCode.put(t.code(), t) != null) {
                throw new IllegalStateException("Two import types share the code " + t.code());
            }
        });
    }

    public List<ImportType<?>> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<ImportType<?>> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public ImportType<?> get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("import_type", code));
    }

    /** The roles a type admits to importing (its writers); anyone else is refused (403), whatever their scope. */
    public void checkImportRole(Actor actor, ImportType<?> type) {
        if (!mayImport(actor, type)) {
            throw new AccessDeniedException("role may not import " + type.code());
        }
    }

    public boolean mayImport(Actor actor, ImportType<?> type) {
        return type.importRoles().stream().anyMatch(actor::hasRole);
    }

}
