/**
 * 基础台账: enterprises (统一社会信用代码), their honours and R&D spending, residents and households (公民身份号码,
 * masked by default), and facilities. Other modules refer to these records by id and read them through
 * {@link io.zhenwu.registry.Enterprises}, {@link io.zhenwu.registry.Residents} and {@link io.zhenwu.registry.Facilities}.
 * Each record type also plugs into the one import/export pipeline ({@code io.zhenwu.imports}).
 */
package io.zhenwu.registry;
