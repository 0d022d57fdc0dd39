package io.zhenwu.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loaded case types: every {@code classpath:cases/types/*.yml}, parsed and checked at start-up (a broken type
 * stops the application with a message naming the file), registered in the database by code and version. Editing
 * a built-in type without raising its version is refused, because cases already opened with that version must
 * keep meaning what they meant.
 */
@Service
public class CaseTypes {

    private static final Logger log = LoggerFactory.getLogger(CaseTypes.class);

    private final Map<String, TreeMap<Integer, CaseType>> types = new HashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    CaseTypes(CaseTypeRepository repository) throws IOException {
        this(repository, "classpath*:cases/types/*.yml");
    }

    CaseTypes(CaseTypeRepository repository, String pattern) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        for (Resource r : resources) {
            String text = r.getContentAsString(StandardCharsets.UTF_8);
            CaseType type = CaseTypeParser.parse(r.getFilename(), text);
            CaseType previous = types.computeIfAbsent(type.code(), k -> new TreeMap<>()).put(type.version(), type);
            if (previous != null) {
                throw new CaseTypeParser.CaseTypeException(r.getFilename(), "version " + type.version() + " of '" + type.code()
                        + "' is declared twice");
            }
            repository.register(type, text);
        }
        log.info("Loaded {} case types: {}", types.size(), new TreeMap<>(types).keySet());
    }

    /** The newest version of a type (what new cases use). */
    public CaseType current(String code) {
        TreeMap<Integer, CaseType> versions = types.get(code);
        if (versions == null) {
            throw new io.zhenwu.shared.InvalidInputException("type", "case.type.unknown", code);
        }
        return versions.lastEntry().getValue();
    }

    /** A given version (what an existing case follows). */
    public CaseType get(String code, int version) {
        CaseType type = types.getOrDefault(code, new TreeMap<>()).get(version);
        if (type == null) {
            throw new IllegalStateException("case type " + code + " v" + version + " is not loaded");
        }
        return type;
    }

    public boolean exists(String code) {
        return types.containsKey(code);
    }

    /** The current version of every type, by code. */
    public List<CaseType> all() {
        List<CaseType> list = new ArrayList<>();
        types.values().forEach(v -> list.add(v.lastEntry().getValue()));
        list.sort(Comparator.comparing(CaseType::code));
        return list;
    }
}
