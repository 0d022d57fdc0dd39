/**
 * 用户与安全: users and roles, form login with throttling, personal API tokens, and the data scope every request
 * carries. Public API: {@link io.zhenwu.security.Users}, {@link io.zhenwu.security.UserAccount},
 * {@link io.zhenwu.security.ApiTokens} and the past-tense events; everything else is internal.
 */
package io.zhenwu.security;
