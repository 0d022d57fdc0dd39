package io.zhenwu.registry;

/** An entry of the honour catalogue (中国工业大奖, 省级绿色工厂 …) with the level it is usually awarded at. */
public record HonourType(String code, String nameZh, String nameEn, HonourLevel defaultLevel, boolean active) {
}
