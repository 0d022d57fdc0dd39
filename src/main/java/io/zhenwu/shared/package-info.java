/**
 * Shared kernel (共享内核): the few types every module speaks — data scope, roles, the acting user, auditable
 * events, endpoint rules, paging and problem exceptions. Deliberately small; it holds no business data.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.zhenwu.shared;
