package io.zhenwu.security;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Set;

/** {@code /api/v1/users}: administrators manage accounts within their scope. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "用户")
class UserApiController {

    private final Users users;

    UserApiController(Users users) {
        this.users = users;
    }

    record CreateUser(String username, String displayName, Long orgUnitId, Set<Role> roles, Boolean enabled, String password) {
    }

    record UpdateUser(Long version, String displayName, Long orgUnitId, Set<Role> roles, Boolean enabled,
                      Set<Permission> permissions) {
    }

    @GetMapping
    PageResult<UserAccount> list(DataScope scope, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Role role, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return users.search(scope, q, role, PageQuery.of(page, size, sort, "u.username", Users.SORTABLE));
    }

    @GetMapping("/{id}")
    UserAccount get(DataScope scope, @PathVariable long id) {
        return users.get(scope, id);
    }

    @PostMapping
    ResponseEntity<UserAccount> create(DataScope scope, @RequestBody CreateUser body) {
        UserAccount created = users.create(scope, body.username(), body.displayName(), body.orgUnitId(), body.roles(),
                body.enabled() == null || body.enabled(), body.password());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PatchMapping("/{id}")
    UserAccount update(DataScope scope, @PathVariable long id, @RequestBody UpdateUser body) {
        if (body.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        return users.update(scope, id, body.version(), body.displayName(), body.orgUnitId(), body.roles(), body.enabled(),
                body.permissions());
    }
}
