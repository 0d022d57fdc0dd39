package io.zhenwu.security;

import io.zhenwu.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /api/v1/tokens} with HTTP Basic (the only endpoint that takes a password) issues a personal token,
 * shown once; listing and revoking use the token itself.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens", description = "个人 API 令牌")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record CreateToken(String name) {
    }

    @PostMapping
    @Operation(summary = "Issue a personal API token (HTTP Basic); the secret is returned once")
    ResponseEntity<ApiTokens.NewToken> create(Actor actor, @RequestBody(required = false) CreateToken body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(actor, body == null ? null : body.name()));
    }

    @GetMapping
    List<ApiTokens.TokenInfo> list(Actor actor) {
        return tokens.list(actor);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable long id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
