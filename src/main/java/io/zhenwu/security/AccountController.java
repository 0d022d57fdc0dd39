package io.zhenwu.security;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/** 个人中心: change one's password; create, see and revoke personal API tokens. */
@Controller
class AccountController {

    private final Users users;
    private final ApiTokens tokens;

    AccountController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        model.addAttribute("account", users.get(actor.scope(), actor.userId()));
        model.addAttribute("tokens", tokens.list(actor));
        return "security/account";
    }

    @PostMapping("/account/password")
    String changePassword(Actor actor, @RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "password.mismatch");
            }
            users.changeOwnPassword(actor.scope(), actor.userId(), currentPassword, newPassword);
            redirect.addFlashAttribute("message", "flash.password.changed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(Actor actor, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(actor, name));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(actor, id);
        redirect.addFlashAttribute("message", "flash.token.revoked");
        return "redirect:/account";
    }

}
