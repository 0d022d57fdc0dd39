package io.zhenwu.reports;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import io.zhenwu.shared.figures.Fingerprint;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 统计口径目录: every figure every module contributes, by code. Each module registers one {@link FigureProvider};
 * a code must be unique across them and start with its module's name (checked once the application has started, so
 * a clash stops it). Requests are checked here before they reach the provider: unknown figure → 404, a filter the
 * figure does not declare → 400; the provider answers 404 for an org unit outside the caller's scope.
 */
@Service
public class FigureRegistry implements SmartInitializingSingleton {

    private final List<FigureProvider> providers;

    FigureRegistry(List<FigureProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The start-up check: one owner per code, prefixes never shared between providers. */
    @Override
    public void afterSingletonsInstantiated() {
        catalogue();
    }

    /** One consistent view of every definition (a provider may read its list from the database). */
    public Catalogue catalogue() {
        Map<String, FigureDefinition> definitions = new LinkedHashMap<>();
        Map<String, FigureProvider> owners = new HashMap<>();
        Map<String, FigureProvider> modules = new HashMap<>();
        for (FigureProvider provider : providers) {
            for (FigureDefinition d : provider.definitions()) {
                FigureProvider previous = owners.put(d.code(), provider);
                if (previous != null) {
                    throw new IllegalStateException("Figure code " + d.code() + " is declared twice (" + previous.getClass().getName()
                            + ", " + provider.getClass().getName() + ")");
                }
                FigureProvider moduleOwner = modules.putIfAbsent(d.module(), provider);
                if (moduleOwner != null && moduleOwner != provider) {
                    throw new IllegalStateException("Figure prefix " + d.module() + " is used by two providers ("
                            + moduleOwner.getClass().getName() + ", " + provider.getClass().getName() + ")");
                }
                definitions.put(d.code(), d);
            }
        }
        List<FigureDefinition> sorted = definitions.values().stream().sorted(Comparator.comparing(FigureDefinition::code)).toList();
        return new Catalogue(sorted, definitions, owners);
    }

    /** A snapshot of the catalogue for one parse or one render. */
    public static final class Catalogue {
        private final List<FigureDefinition> all;
        private final Map<String, FigureDefinition> byCode;
        private final Map<String, FigureProvider> owners;

        Catalogue(List<FigureDefinition> all, Map<String, FigureDefinition> byCode, Map<String, FigureProvider> owners) {
            this.all = all;
            this.byCode = byCode;
            this.owners = owners;
        }

        public List<FigureDefinition> all() {
            return all;
        }

        public Optional<FigureDefinition> find(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        FigureDefinition definition(String code) {
            return byCode.get(code);
        }

        public FigureDefinition get(String code) {
            return find(code).orElseThrow(() -> new NotFoundException("figure", code));
        }

        FigureProvider provider(FigureRequest request) {
            FigureDefinition d = get(request.code());
            for (String filter : request.filters().keySet()) {
                if (!d.filters().contains(filter)) {
                    throw new InvalidInputException(filter, "report.figure.unknownFilter", filter, d.code(),
                            d.filters().isEmpty() ? "—" : String.join(", ", d.filters()));
                }
            }
            return owners.get(request.code());
        }

        public FigureValue compute(DataScope scope, FigureRequest request) {
            return provider(request).compute(scope, request);
        }

        public PageResult<CountedRecord> records(DataScope scope, FigureRequest request, PageQuery page) {
            return provider(request).records(scope, request, page);
        }

        public Fingerprint fingerprint(DataScope scope, FigureRequest request) {
            return provider(request).fingerprint(scope, request);
        }
    }
}
