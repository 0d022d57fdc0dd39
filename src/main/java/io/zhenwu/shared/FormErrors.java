package io.zhenwu.shared;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts a domain rule's violations on a form, field by field, so the page shows them inline. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, InvalidInputException e) {
        var wrapper = new BeanWrapperImpl(result.getTarget());
        for (FieldViolation v : e.violations()) {
            Object[] args = v.args().toArray();
            if (wrapper.isReadableProperty(v.field())) {
                result.rejectValue(v.field(), v.messageKey(), args, v.messageKey());
            } else {
                result.reject(v.messageKey(), args, v.messageKey());
            }
        }
    }
}
