package io.zhenwu.security;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.SecurityEvents.PasswordChanged;
import io.zhenwu.security.SecurityEvents.PasswordReset;
import io.zhenwu.security.SecurityEvents.UserCreated;
import io.zhenwu.security.SecurityEvents.UserUpdated;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.UsageCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** 用户管理: scoped queries and the commands on accounts. */
@Service
@Transactional
public class Users implements UsageCheck {

    public static final Set<String> SORTABLE = Set.of("username=u.username", "displayName=u.display_name", "id=u.id", "createdAt=u.created_at");

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UserRepository repository;
    private final OrgUnits orgUnits;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final LoginAttempts loginAttempts;

    Users(UserRepository repository, OrgUnits orgUnits, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
          LoginAttempts loginAttempts) {
        this.repository = repository;
        this.orgUnits = orgUnits;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.loginAttempts = loginAttempts;
    }

    @Transactional(readOnly = true)
    public UserAccount get(DataScope scope, long id) {
        return repository.findById(scope, id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional(readOnly = true)
    public PageResult<UserAccount> search(DataScope scope, String text, Role role, PageQuery page) {
        return repository.find(scope, text == null || text.isBlank() ? null : text.trim(), role, page);
    }

    /**
     * The enabled holders of {@code role} in the scope whose login or display name is one of {@code names}: who may
     * sign as what a form wrote (an inspection's 检查人员).
     */
    @Transactional(readOnly = true)
    public List<UserAccount> enabledWithRoleNamed(DataScope scope, Role role, Set<String> names) {
        return repository.findEnabledWithRoleNamed(scope, role, names);
    }

    @Transactional(readOnly = true)
    public Map<Role, Long> countByRole(DataScope scope) {
        return repository.countByRole(scope);
    }

    @Transactional(readOnly = true)
    public long count(DataScope scope) {
        return repository.countInScope(scope);
    }

    /** Creates an account in an org unit of the caller's scope. */
    public UserAccount create(DataScope scope, String rawUsername, String displayName, Long orgUnitId, Set<Role> roles,
                              boolean enabled, String password) {
        return create(scope, rawUsername, displayName, orgUnitId, roles, enabled, password, null);
    }

    /** As above; {@code encoded} is the password's hash when the caller has it already (several accounts, one password). */
    private UserAccount create(DataScope scope, String rawUsername, String displayName, Long orgUnitId, Set<Role> roles,
                               boolean enabled, String password, String encoded) {
        String username = rawUsername == null ? null : rawUsername.trim().toLowerCase();
        List<FieldViolation> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(FieldViolation.of("username", "user.username.format"));
        } else if (repository.usernameExists(username)) {
            problems.add(FieldViolation.of("username", "user.username.duplicate", username));
        }
        checkDisplayName(displayName).ifPresent(problems::add);
        OrgUnit org = checkOrgUnit(scope, orgUnitId, problems);
        if (roles == null || roles.isEmpty()) {
            problems.add(FieldViolation.of("roles", "user.roles.required"));
        }
        PasswordPolicy.check("password", username, password).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = repository.insert(username, displayName.strip(), org.id(), encoded != null ? encoded : passwordEncoder.encode(password),
                enabled, roles);
        UserAccount created = get(scope, id);
        events.publishEvent(new UserCreated(created, org.path()));
        return created;
    }

    public UserAccount update(DataScope scope, long id, long version, String displayName, Long orgUnitId, Set<Role> roles,
                              Boolean enabled) {
        return update(scope, id, version, displayName, orgUnitId, roles, enabled, null);
    }

    /** As above; {@code permissions} null leaves the user's grants unchanged. */
    public UserAccount update(DataScope scope, long id, long version, String displayName, Long orgUnitId, Set<Role> roles,
                              Boolean enabled, Set<Permission> permissions) {
        UserAccount before = get(scope, id);
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before);
        }
        String name = displayName == null ? before.displayName() : displayName;
        List<FieldViolation> problems = new ArrayList<>();
        checkDisplayName(name).ifPresent(problems::add);
        OrgUnit org = checkOrgUnit(scope, orgUnitId == null ? before.orgUnitId() : orgUnitId, problems);
        Set<Role> newRoles = roles == null ? before.roles() : roles;
        if (newRoles.isEmpty()) {
            problems.add(FieldViolation.of("roles", "user.roles.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.update(scope, id, version, name.strip(), org.id(), enabled == null ? before.enabled() : enabled, newRoles) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id));
        }
        if (permissions != null) {
            repository.replacePermissions(id, permissions);
        }
        UserAccount after = get(scope, id);
        events.publishEvent(new UserUpdated(before, after, org.path()));
        return after;
    }

    /** An administrator sets a new password; also lifts every address's lock on the account. */
    public void resetPassword(DataScope scope, long id, String password) {
        UserAccount user = get(scope, id);
        PasswordPolicy.check("password", user.username(), password).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
        repository.updatePassword(scope, id, passwordEncoder.encode(password));
        loginAttempts.clearAll(user.username());
        events.publishEvent(new PasswordReset(id, user.username(), orgPath(scope, user)));
    }

    /** The user changes their own password, proving the current one. */
    public void changeOwnPassword(DataScope scope, long userId, String currentPassword, String newPassword) {
        UserAccount user = get(scope, userId);
        var credentials = repository.findCredentials(user.username()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
            throw new InvalidInputException("currentPassword", "password.currentWrong");
        }
        PasswordPolicy.check("newPassword", user.username(), newPassword).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
        repository.updatePassword(scope, userId, passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(userId, user.username(), orgPath(scope, user)));
    }

    /** Installation set-up, demo data and the CLI: creates a user in any unit (no caller scope exists there). */
    public UserAccount createAsSystem(String username, String displayName, OrgUnit org, Set<Role> roles, String password) {
        return createAsSystem(username, displayName, org, roles, Set.of(), password);
    }

    /** As above, with grants beyond the roles (e.g. the demo leader may see personal data unmasked). */
    public UserAccount createAsSystem(String username, String displayName, OrgUnit org, Set<Role> roles,
                                      Set<Permission> permissions, String password) {
        return createAsSystem(username, displayName, org, roles, permissions, password, null);
    }

    /** An account to set up with {@link #createAllAsSystem}. */
    public record SystemAccount(String username, String displayName, OrgUnit org, Set<Role> roles, Set<Permission> permissions) {
    }

    /**
     * Sets up several accounts that share one initial password (the demo's published one): the password is checked
     * and hashed once — a BCrypt hash costs ≈ 0.1 s, a second of start-up for the demo's accounts — so they share
     * one hash (and salt) until each user changes it.
     */
    public List<UserAccount> createAllAsSystem(List<SystemAccount> accounts, String password) {
        String encoded = passwordEncoder.encode(password);
        return accounts.stream().map(a -> createAsSystem(a.username(), a.displayName(), a.org(), a.roles(), a.permissions(), password,
                encoded)).toList();
    }

    private UserAccount createAsSystem(String username, String displayName, OrgUnit org, Set<Role> roles, Set<Permission> permissions,
                                       String password, String encoded) {
        DataScope unitScope = new DataScope(org.id(), org.path());
        UserAccount created = create(unitScope, username, displayName, org.id(), roles, true, password, encoded);
        return permissions.isEmpty() ? created
                : update(unitScope, created.id(), created.version(), null, null, null, null, permissions);
    }

    /**
     * 企业用户绑定企业: the registry enterprise an enterprise user acts for. The enterprise id comes from the registry,
     * read by the caller within its own scope; only users holding the enterprise role can be bound.
     */
    public UserAccount bindEnterprise(DataScope scope, long userId, Long enterpriseId) {
        UserAccount before = get(scope, userId);
        if (enterpriseId != null && !before.roles().contains(Role.ENTERPRISE)) {
            throw new io.zhenwu.shared.InvalidInputException("enterpriseId", "user.enterprise.roleRequired");
        }
        repository.bindEnterprise(userId, enterpriseId);
        UserAccount after = get(scope, userId);
        events.publishEvent(new UserEnterpriseBound(after.id(), after.username(), enterpriseId, orgPath(scope, after)));
        return after;
    }

    /** An enterprise user was bound to (or released from) an enterprise. */
    public record UserEnterpriseBound(long userId, String username, Long enterpriseId, String scopePath)
            implements io.zhenwu.shared.AuditableEvent {
        public String action() { return "user.enterprise_bound"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(userId); }
        public Object after() { return java.util.Map.of("username", username, "enterpriseId", String.valueOf(enterpriseId)); }
    }

    @Override
    public long countFor(long orgUnitId) {
        return repository.countByOrgUnit(orgUnitId);
    }

    @Override
    public String messageKey() {
        return "usage.users";
    }

    private OrgUnit checkOrgUnit(DataScope scope, Long orgUnitId, List<FieldViolation> problems) {
        if (orgUnitId == null) {
            problems.add(FieldViolation.of("orgUnitId", "user.orgUnit.required"));
            return null;
        }
        Optional<OrgUnit> org = orgUnits.find(scope, orgUnitId);
        if (org.isEmpty()) {
            problems.add(FieldViolation.of("orgUnitId", "user.orgUnit.notFound", orgUnitId));
            return null;
        }
        if (!org.get().active()) {
            problems.add(FieldViolation.of("orgUnitId", "user.orgUnit.inactive"));
        }
        return org.get();
    }

    private String orgPath(DataScope scope, UserAccount user) {
        return orgUnits.find(scope, user.orgUnitId()).map(OrgUnit::path).orElse(scope.path());
    }

    private static Optional<FieldViolation> checkDisplayName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(FieldViolation.of("displayName", "user.displayName.required"));
        }
        if (name.strip().length() > 100) {
            return Optional.of(FieldViolation.of("displayName", "user.displayName.tooLong", 100));
        }
        return Optional.empty();
    }
}
