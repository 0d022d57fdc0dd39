package io.zhenwu.registry;

import io.zhenwu.imports.ImportColumn;
import io.zhenwu.imports.ImportType;
import io.zhenwu.shared.Role;

import java.util.List;
import java.util.Set;

/** What every registry record type says the same way to the pipeline: its code, label, columns and who may use it. */
abstract class RegistryImportType<R> implements ImportType<R> {

    /** Who exports the ledgers (auditors and inspectors do not). */
    private static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE);
    /** Who imports them: the registry's writers, as its forms and API admit them (leaders read, they do not edit). */
    private static final Set<Role> IMPORTERS = Set.of(RegistryEndpointRules.WRITERS);

    private final String code;
    private final String labelKey;
    private final List<ImportColumn> columns;

    RegistryImportType(String code, String labelKey, List<ImportColumn> columns) {
        this.code = code;
        this.labelKey = labelKey;
        this.columns = columns;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return labelKey;
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public Set<Role> importRoles() {
        return IMPORTERS;
    }

    @Override
    public List<ImportColumn> columns() {
        return columns;
    }
}
