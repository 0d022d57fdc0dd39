package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/** 荣誉类型 catalogue for administrators: the seed's kinds ship; a town adds its own (市级科技奖, 县级表彰 …). */
@Controller
class HonourTypeController {

    private final Honours honours;

    HonourTypeController(Honours honours) {
        this.honours = honours;
    }

    /** The form behind adding a type. */
    static class HonourTypeForm {
        private String code;
        private String nameZh;
        private String nameEn;
        private HonourLevel defaultLevel = HonourLevel.MUNICIPAL;

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String v) { nameZh = v; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String v) { nameEn = v; }
        public HonourLevel getDefaultLevel() { return defaultLevel; }
        public void setDefaultLevel(HonourLevel v) { defaultLevel = v; }
    }

    @GetMapping("/registry/honour-types")
    String types(Model model) {
        model.addAttribute("types", honours.types(false));
        model.addAttribute("levels", Arrays.asList(HonourLevel.values()));
        model.addAttribute("form", new HonourTypeForm());
        return "registry/honourTypes";
    }

    @PostMapping("/registry/honour-types")
    String addType(DataScope scope, @ModelAttribute("form") HonourTypeForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                honours.addType(scope, form.getCode(), form.getNameZh(), form.getNameEn(), form.getDefaultLevel());
                redirect.addFlashAttribute("message", "flash.honourType.added");
                return "redirect:/registry/honour-types";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("types", honours.types(false));
        model.addAttribute("levels", Arrays.asList(HonourLevel.values()));
        return "registry/honourTypes";
    }
}
