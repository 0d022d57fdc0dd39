/**
 * 演示数据: the demo town 下蜀镇 (Xiashu) 2023 — org tree, one account per role, the residents of its villages and
 * communities, and its registers (enterprises, honours, facilities) reproducing the seed report's counts. Loaded on
 * the first start of the default profile, or on demand with {@code bin/zhenwu demo load}.
 */
package io.zhenwu.demo;
